<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Cli</name>
    <message>
        <source>usage:
  maildoctor-cli analyze [--format json|jsonl|text] [--lang ja|en] [--kb-dir DIR] [INPUT ...]
  maildoctor-cli kb lint [--kb-dir DIR]
  maildoctor-cli kb list [--lang ja|en] [--kb-dir DIR]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kb needs lint or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The knowledge-base overlay in %1 is not used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permanent failure: fix the cause, then send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary failure: it will be retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning only: no need to resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a problem on your side: the message did not leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for information: nothing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not analyse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known cause was recognised in this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailDoctor::Analyzer</name>
    <message>
        <source>The input is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailDoctor::KbValidator</name>
    <message>
        <source>%1 has no English text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no Japanese text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown actor &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cause has no knowledge-base entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cause &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no remedy steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; does not compile: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; has a weight that is not positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>related entry &quot;%1&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question has no answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer without an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate answer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer must lead to exactly one of next, diagnosis or paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next question &quot;%1&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnosis &quot;%1&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no start question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question cannot be reached from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question has no way to a diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry has no patterns and no question leads to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer leads back to &quot;%1&quot; (a cycle)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailDoctor::KnowledgeBase</name>
    <message>
        <source>a pattern needs exactly one of regex, reply, enhanced, pop3, imap or client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailDoctor::MainWindow</name>
    <message>
        <source>Mail Doctor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
