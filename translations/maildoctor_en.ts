<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cli</name>
    <message>
        <source>no command given</source>
        <translation></translation>
    </message>
    <message>
        <source>kb needs lint or list</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>The knowledge-base overlay in %1 is not used:</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not analyse: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No known cause was recognised in this text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Diagnosis: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>usage:
  maildoctor-cli analyze [--format json|jsonl|text] [--lang ja|en] [--kb-dir DIR] [INPUT ...]
  maildoctor-cli kb lint [--kb-dir DIR]
  maildoctor-cli kb list [--lang ja|en] [--kb-dir DIR]
  maildoctor-cli sheet [--lang ja|en|both] [--mask|--no-mask] [--page a4|letter] [--kb-dir DIR]
                       (--entry ID | INPUT) -o OUT.pdf|OUT.html|OUT.txt
</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown page size &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>sheet needs -o OUT.pdf, OUT.html or OUT.txt</source>
        <translation></translation>
    </message>
    <message>
        <source>the sheet is written as .pdf, .html or .txt, not &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>sheet needs either --entry ID or one INPUT</source>
        <translation></translation>
    </message>
    <message>
        <source>no knowledge-base entry &quot;%1&quot;</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::Analyzer</name>
    <message>
        <source>The input is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>The input is not text (it looks like a binary file).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseController</name>
    <message>
        <source>no diagnosis yet</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail Doctor was not closed normally last time. The case from %1 (%2) was kept with everything entered so far.</source>
        <translation></translation>
    </message>
    <message>
        <source>The case %1 is no longer in the history.</source>
        <translation></translation>
    </message>
    <message>
        <source>Remedy sheet preview</source>
        <translation></translation>
    </message>
    <message>
        <source>Export the remedy sheet as PDF</source>
        <translation></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation></translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation></translation>
    </message>
    <message>
        <source>See the remedy sheet as it will be printed</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation></translation>
    </message>
    <message>
        <source>Print the remedy sheet</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the remedy sheet as a PDF file</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the remedy sheet as plain text, for a ticket or a mail</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation></translation>
    </message>
    <message>
        <source>Case &amp;history…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Helpdesk mode</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the helpdesk panel: caller, ticket, notes, time and questions to read aloud</source>
        <translation></translation>
    </message>
    <message>
        <source>Remedy sheet</source>
        <translation></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Continue the case</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep it in the history as closed and start with an empty case</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n more unfinished case(s) are in the case history.</source>
        <translation>
            <numerusform>%n more unfinished case is in the case history.</numerusform>
            <numerusform>%n more unfinished cases are in the case history.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseOutcome</name>
    <message>
        <source>Open</source>
        <extracomment>Outcome of a helpdesk case: still being worked on</extracomment>
        <translation></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation></translation>
    </message>
    <message>
        <source>Escalated</source>
        <extracomment>Outcome of a helpdesk case: handed to a specialist or the provider</extracomment>
        <translation></translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <extracomment>Outcome of a helpdesk case: the caller will be called back</extracomment>
        <translation></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseStore</name>
    <message>
        <source>The case history in %1 could not be opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder for the case history, %1, cannot be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>The case history in %1 is damaged (%2) and could not be moved aside.</source>
        <translation></translation>
    </message>
    <message>
        <source>A new case history could not be started in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The case history file was damaged and could not be read (%1). It was kept as %2 and a new, empty history was started.</source>
        <translation></translation>
    </message>
    <message>
        <source>The case history is not available.</source>
        <translation></translation>
    </message>
    <message>
        <source>The case could not be saved: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The case %1 is not in the history.</source>
        <translation></translation>
    </message>
    <message>
        <source>The case could not be removed: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::CsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::DoctorWizard</name>
    <message>
        <source>Paste the error message</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation></translation>
    </message>
    <message>
        <source>Forget the answers and start again (Ctrl+R)</source>
        <translation></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::HelpdeskPanel</name>
    <message>
        <source>Elapsed: %1</source>
        <extracomment>Time spent on the current case, e.g. &quot;Elapsed: 03:25&quot;</extracomment>
        <translation></translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation></translation>
    </message>
    <message>
        <source>Call</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation></translation>
    </message>
    <message>
        <source>Ticket or reference</source>
        <translation></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation></translation>
    </message>
    <message>
        <source>Close this case and start an empty one for the next caller</source>
        <translation></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation></translation>
    </message>
    <message>
        <source>Listen for:</source>
        <translation></translation>
    </message>
    <message>
        <source>Remedy sheet</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation></translation>
    </message>
    <message>
        <source>Same as the window</source>
        <translation></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation></translation>
    </message>
    <message>
        <source>English</source>
        <translation></translation>
    </message>
    <message>
        <source>Japanese and English</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation></translation>
    </message>
    <message>
        <source>Hide names in addresses</source>
        <translation></translation>
    </message>
    <message>
        <source>Sheets and exports show t***@example.jp instead of the full address</source>
        <translation></translation>
    </message>
    <message>
        <source>Hide server and domain names</source>
        <translation></translation>
    </message>
    <message>
        <source>Hide IP addresses</source>
        <translation></translation>
    </message>
    <message>
        <source>Helpdesk &amp;name:</source>
        <translation></translation>
    </message>
    <message>
        <source>Co&amp;ntact:</source>
        <translation></translation>
    </message>
    <message>
        <source>Phone or e-mail for the footer</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::HistoryDialog</name>
    <message>
        <source>Any cause</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (in progress)</source>
        <translation></translation>
    </message>
    <message>
        <source>no diagnosis yet</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n selected to CSV…</source>
        <translation>
            <numerusform>&amp;Export %n selected to CSV…</numerusform>
            <numerusform>&amp;Export %n selected to CSV…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export shown to CSV…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) as &quot;%1&quot;.</source>
        <translation>
            <numerusform>Marked %n case as &quot;%1&quot;.</numerusform>
            <numerusform>Marked %n cases as &quot;%1&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n case(s) to %1.</source>
        <translation>
            <numerusform>Exported %n case to %1.</numerusform>
            <numerusform>Exported %n cases to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cases to CSV</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
    <message>
        <source>Case history</source>
        <translation></translation>
    </message>
    <message>
        <source>Only cases &amp;from</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation></translation>
    </message>
    <message>
        <source>C&amp;ause:</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipient &amp;domain:</source>
        <translation></translation>
    </message>
    <message>
        <source>example.jp</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation></translation>
    </message>
    <message>
        <source>Words in the pasted text, notes, caller or ticket</source>
        <translation></translation>
    </message>
    <message>
        <source>Date</source>
        <translation></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipient domains</source>
        <translation></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Mark selected</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::KbValidator</name>
    <message>
        <source>%1 has no English text</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has no Japanese text</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown actor &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>cause has no knowledge-base entry</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown cause &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>no remedy steps</source>
        <translation></translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; does not compile: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; has a weight that is not positive</source>
        <translation></translation>
    </message>
    <message>
        <source>related entry &quot;%1&quot; does not exist</source>
        <translation></translation>
    </message>
    <message>
        <source>question has no answers</source>
        <translation></translation>
    </message>
    <message>
        <source>answer without an id</source>
        <translation></translation>
    </message>
    <message>
        <source>duplicate answer id</source>
        <translation></translation>
    </message>
    <message>
        <source>answer must lead to exactly one of next, diagnosis or paste</source>
        <translation></translation>
    </message>
    <message>
        <source>next question &quot;%1&quot; does not exist</source>
        <translation></translation>
    </message>
    <message>
        <source>diagnosis &quot;%1&quot; does not exist</source>
        <translation></translation>
    </message>
    <message>
        <source>there is no start question</source>
        <translation></translation>
    </message>
    <message>
        <source>question cannot be reached from the start</source>
        <translation></translation>
    </message>
    <message>
        <source>question has no way to a diagnosis</source>
        <translation></translation>
    </message>
    <message>
        <source>entry has no patterns and no question leads to it</source>
        <translation></translation>
    </message>
    <message>
        <source>answer leads back to &quot;%1&quot; (a cycle)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::KnowledgeBase</name>
    <message>
        <source>a pattern needs exactly one of regex, reply, enhanced, pop3, imap or client</source>
        <translation></translation>
    </message>
    <message>
        <source>empty pattern</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 without an id</source>
        <translation></translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation></translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>extends a question that does not exist</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::MainWindow</name>
    <message>
        <source>Mail Doctor</source>
        <translation></translation>
    </message>
    <message>
        <source>Your knowledge-base additions were not used because they have problems; Mail Doctor is using its built-in knowledge base. Fix the following and start Mail Doctor again:</source>
        <translation></translation>
    </message>
    <message>
        <source>The built-in knowledge base has problems; some questions or diagnoses may be missing:</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problem(s).</source>
        <translation>
            <numerusform>…and %n more problem.</numerusform>
            <numerusform>…and %n more problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>Language</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation></translation>
    </message>
    <message>
        <source>The language of the questions and diagnoses</source>
        <translation></translation>
    </message>
    <message>
        <source>Knowledge-base problems</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::Mime</name>
    <message>
        <source>A multipart section has no boundary; it was read as plain text.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message has too many parts; the rest was not read.</source>
        <translation></translation>
    </message>
    <message>
        <source>A multipart section&apos;s boundary never appears; it was read as plain text.</source>
        <translation></translation>
    </message>
    <message>
        <source>A multipart section is not closed; the message may be truncated.</source>
        <translation></translation>
    </message>
    <message>
        <source>A part has too many header lines; the rest was read as its body.</source>
        <translation></translation>
    </message>
    <message>
        <source>The message is nested too deeply; the innermost parts were read as plain text.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::PastePage</name>
    <message>
        <source>Open a returned mail or error text</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail and text files (*.eml *.txt);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read the file %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read the file %1: it is larger than 20 MB, too large for a returned mail.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read the file %1: it is not a text file. Choose a saved mail (.eml) or a text file (.txt).</source>
        <translation></translation>
    </message>
    <message>
        <source>There is nothing to analyse yet: paste the error message or the returned mail into the box first.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>No known error was recognised in this text. Paste more of the message (the whole returned mail is best), or go Back and answer the questions.</source>
        <translation></translation>
    </message>
    <message>
        <source>Likely causes, best first. Select one to see the lines that point to it (highlighted in the text); Next shows its diagnosis.</source>
        <translation></translation>
    </message>
    <message>
        <source>The text has changed since it was analysed; choose Analyse again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients: no per-recipient details were found in this text.</source>
        <translation></translation>
    </message>
    <message>
        <source>Paste the error message</source>
        <translation></translation>
    </message>
    <message>
        <source>Mail Doctor looks for known error codes and phrases in the text and ranks the causes.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Paste the error message or the whole returned mail below, drop a .eml or .txt file onto the box, or open a file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation></translation>
    </message>
    <message>
        <source>For example: 550 5.1.1 &lt;someone@example.com&gt;: User unknown</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation></translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation></translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation></translation>
    </message>
    <message>
        <source>Likely causes</source>
        <translation></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation></translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation></translation>
    </message>
    <message>
        <source>Matched lines</source>
        <translation></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation></translation>
    </message>
    <message>
        <source>Address</source>
        <translation></translation>
    </message>
    <message>
        <source>Status</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation></translation>
    </message>
    <message>
        <source>What it means</source>
        <translation></translation>
    </message>
    <message>
        <source>Show &amp;diagnosis &gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Saved with the addresses masked: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Keep this sample for the knowledge-base maintainers</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep this sample for the knowledge-base maintainers</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::PlainWords</name>
    <message>
        <source>Permanent failure</source>
        <translation></translation>
    </message>
    <message>
        <source>Temporary problem</source>
        <translation></translation>
    </message>
    <message>
        <source>Warning only</source>
        <translation></translation>
    </message>
    <message>
        <source>Problem with your settings or connection</source>
        <translation></translation>
    </message>
    <message>
        <source>Information</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation></translation>
    </message>
    <message>
        <source>The message was not delivered and will not be tried again. Fix the cause, then send it again.</source>
        <translation></translation>
    </message>
    <message>
        <source>A temporary problem: it often clears up by itself. Wait a while and try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>This is only a warning: the message is still on its way and will be retried automatically. There is no need to resend it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The problem is on your computer, in your mail program&apos;s settings or in your connection. Once it is fixed, mail works again.</source>
        <translation></translation>
    </message>
    <message>
        <source>For your information; nothing went wrong.</source>
        <translation></translation>
    </message>
    <message>
        <source>How serious this is could not be determined.</source>
        <translation></translation>
    </message>
    <message>
        <source>You</source>
        <translation></translation>
    </message>
    <message>
        <source>Your mail administrator</source>
        <translation></translation>
    </message>
    <message>
        <source>Your provider</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail administrator</source>
        <translation></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation></translation>
    </message>
    <message>
        <source>You can fix this yourself, in your mail program, its settings or the address you typed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your mail administrator (or the company that runs your mail server) must fix this; pass this diagnosis on to them.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your Internet or mail provider must act; contact their support.</source>
        <translation></translation>
    </message>
    <message>
        <source>The recipient must act (for example free up space or change a filter); let them know by another way, such as phone.</source>
        <translation></translation>
    </message>
    <message>
        <source>The administrator of the recipient&apos;s mail server must act; the recipient can pass this on.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nobody needs to do anything: wait, and it resolves itself.</source>
        <translation></translation>
    </message>
    <message>
        <source>It is not known who must act.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation></translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation></translation>
    </message>
    <message>
        <source>Forwarded to a list</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::QuestionPage</name>
    <message>
        <source>Choose what you see. A few questions will lead you to the cause and what to do about it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the answer that fits best, then press Next.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::ResultPage</name>
    <message>
        <source>What happened</source>
        <translation></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation></translation>
    </message>
    <message>
        <source>Also rule out</source>
        <translation></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation></translation>
    </message>
    <message>
        <source>What went wrong, who must act, and the steps to fix it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the &amp;questions</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the questions</source>
        <translation></translation>
    </message>
    <message>
        <source>Diagnosis and remedy steps</source>
        <translation></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation></translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation></translation>
    </message>
    <message>
        <source>You are looking at a related cause. &lt;a href=&quot;back&quot;&gt;Return to the diagnosis&lt;/a&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Who must act:</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::SampleArchive</name>
    <message>
        <source>There is no text to save.</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MailDoctor::SheetWriter</name>
    <message>
        <source>A PDF can only be made when the program runs with a graphical platform (QGuiApplication).</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: use a name ending in .pdf, .html or .txt.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mail Doctor: find out why mail fails.</source>
        <translation></translation>
    </message>
    <message>
        <source>Read knowledge-base additions from DIR.</source>
        <translation></translation>
    </message>
</context>
</TS>
