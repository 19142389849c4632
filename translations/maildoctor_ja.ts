<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Cli</name>
    <message>
        <source>no command given</source>
        <translation>コマンドが指定されていません</translation>
    </message>
    <message>
        <source>kb needs lint or list</source>
        <translation>kb には lint または list を指定してください</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 には値が必要です</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;</source>
        <translation>不明な形式「%1」</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;</source>
        <translation>不明な言語「%1」</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation>不明なオプション「%1」</translation>
    </message>
    <message>
        <source>The knowledge-base overlay in %1 is not used:</source>
        <translation>%1 にある追加のナレッジベースは使用されません:</translation>
    </message>
    <message>
        <source>Could not analyse: %1</source>
        <translation>分析できませんでした: %1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>重大度: %1</translation>
    </message>
    <message>
        <source>No known cause was recognised in this text.</source>
        <translation>このテキストからは既知の原因が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Diagnosis: %1</source>
        <translation>診断: %1</translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation>%1 の誤りではありませんか?</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>不明なコマンド「%1」</translation>
    </message>
    <message>
        <source>usage:
  maildoctor-cli analyze [--format json|jsonl|text] [--lang ja|en] [--kb-dir DIR] [INPUT ...]
  maildoctor-cli kb lint [--kb-dir DIR]
  maildoctor-cli kb list [--lang ja|en] [--kb-dir DIR]
  maildoctor-cli sheet [--lang ja|en|both] [--mask|--no-mask] [--page a4|letter] [--kb-dir DIR]
                       (--entry ID | INPUT) -o OUT.pdf|OUT.html|OUT.txt
</source>
        <translation>使い方:
  maildoctor-cli analyze [--format json|jsonl|text] [--lang ja|en] [--kb-dir DIR] [INPUT ...]
  maildoctor-cli kb lint [--kb-dir DIR]
  maildoctor-cli kb list [--lang ja|en] [--kb-dir DIR]
  maildoctor-cli sheet [--lang ja|en|both] [--mask|--no-mask] [--page a4|letter] [--kb-dir DIR]
                       (--entry ID | INPUT) -o OUT.pdf|OUT.html|OUT.txt
</translation>
    </message>
    <message>
        <source>unknown page size &quot;%1&quot;</source>
        <translation>不明な用紙サイズ「%1」</translation>
    </message>
    <message>
        <source>sheet needs -o OUT.pdf, OUT.html or OUT.txt</source>
        <translation>sheet には -o OUT.pdf、OUT.html、OUT.txt のいずれかが必要です</translation>
    </message>
    <message>
        <source>the sheet is written as .pdf, .html or .txt, not &quot;%1&quot;</source>
        <translation>対処シートの出力形式は .pdf、.html、.txt のいずれかです(「%1」は使えません)</translation>
    </message>
    <message>
        <source>sheet needs either --entry ID or one INPUT</source>
        <translation>sheet には --entry ID か入力ファイル 1 つのどちらかが必要です</translation>
    </message>
    <message>
        <source>no knowledge-base entry &quot;%1&quot;</source>
        <translation>ナレッジベースに「%1」という項目はありません</translation>
    </message>
</context>
<context>
    <name>MailDoctor::Analyzer</name>
    <message>
        <source>The input is empty.</source>
        <translation>入力が空です。</translation>
    </message>
    <message>
        <source>The input is not text (it looks like a binary file).</source>
        <translation>入力がテキストではありません(バイナリファイルのようです)。</translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseController</name>
    <message>
        <source>no diagnosis yet</source>
        <translation>まだ診断なし</translation>
    </message>
    <message>
        <source>Mail Doctor was not closed normally last time. The case from %1 (%2) was kept with everything entered so far.</source>
        <translation>前回メールドクターが正常に終了しませんでした。%1 の案件(%2)は、それまでに入力した内容をすべて保持しています。</translation>
    </message>
    <message>
        <source>The case %1 is no longer in the history.</source>
        <translation>案件 %1 は履歴にもうありません。</translation>
    </message>
    <message>
        <source>Remedy sheet preview</source>
        <translation>対処シートのプレビュー</translation>
    </message>
    <message>
        <source>Export the remedy sheet as PDF</source>
        <translation>対処シートを PDF に書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <source>See the remedy sheet as it will be printed</source>
        <translation>対処シートを印刷されるとおりに表示します</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the remedy sheet</source>
        <translation>対処シートを印刷します</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the remedy sheet as a PDF file</source>
        <translation>対処シートを PDF ファイルとして保存します</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>テキストとしてコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the remedy sheet as plain text, for a ticket or a mail</source>
        <translation>対処シートをプレーンテキストでコピーします(チケットやメールに貼り付けるため)</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>新しい案件(&amp;N)</translation>
    </message>
    <message>
        <source>Case &amp;history…</source>
        <translation>案件の履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Helpdesk mode</source>
        <translation>ヘルプデスクモード(&amp;H)</translation>
    </message>
    <message>
        <source>Show the helpdesk panel: caller, ticket, notes, time and questions to read aloud</source>
        <translation>ヘルプデスク用パネルを表示します: お客様名、チケット、メモ、経過時間、読み上げ用の質問</translation>
    </message>
    <message>
        <source>Remedy sheet</source>
        <translation>対処シート</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>&amp;Continue the case</source>
        <translation>案件を続ける(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Keep it in the history as closed and start with an empty case</source>
        <translation>履歴に終了済みとして残し、空の案件から始めます</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>%n more unfinished case(s) are in the case history.</source>
        <translation>
            <numerusform>ほかに未完了の案件が %n 件、案件履歴に残っています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseOutcome</name>
    <message>
        <source>Open</source>
        <extracomment>Outcome of a helpdesk case: still being worked on</extracomment>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Escalated</source>
        <extracomment>Outcome of a helpdesk case: handed to a specialist or the provider</extracomment>
        <translation>エスカレーション済み</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <extracomment>Outcome of a helpdesk case: the caller will be called back</extracomment>
        <translation>要フォローアップ</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>MailDoctor::CaseStore</name>
    <message>
        <source>The case history in %1 could not be opened: %2</source>
        <translation>%1 の案件履歴を開けませんでした: %2</translation>
    </message>
    <message>
        <source>The folder for the case history, %1, cannot be created.</source>
        <translation>案件履歴用のフォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>The case history in %1 is damaged (%2) and could not be moved aside.</source>
        <translation>%1 の案件履歴が破損しており(%2)、別の場所に退避できませんでした。</translation>
    </message>
    <message>
        <source>A new case history could not be started in %1: %2</source>
        <translation>%1 に新しい案件履歴を作成できませんでした: %2</translation>
    </message>
    <message>
        <source>The case history file was damaged and could not be read (%1). It was kept as %2 and a new, empty history was started.</source>
        <translation>案件履歴のファイルが破損していて読み込めませんでした(%1)。%2 として保存し、新しい空の履歴を開始しました。</translation>
    </message>
    <message>
        <source>The case history is not available.</source>
        <translation>案件履歴を利用できません。</translation>
    </message>
    <message>
        <source>The case could not be saved: %1</source>
        <translation>案件を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The case %1 is not in the history.</source>
        <translation>案件 %1 は履歴にありません。</translation>
    </message>
    <message>
        <source>The case could not be removed: %1</source>
        <translation>案件を削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>MailDoctor::CsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>MailDoctor::DoctorWizard</name>
    <message>
        <source>Paste the error message</source>
        <translation>エラーメッセージを貼り付ける</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>最初からやり直す(&amp;S)</translation>
    </message>
    <message>
        <source>Forget the answers and start again (Ctrl+R)</source>
        <translation>回答をすべて消して最初から始めます (Ctrl+R)</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初からやり直す</translation>
    </message>
</context>
<context>
    <name>MailDoctor::HelpdeskPanel</name>
    <message>
        <source>Elapsed: %1</source>
        <extracomment>Time spent on the current case, e.g. &quot;Elapsed: 03:25&quot;</extracomment>
        <translation>経過時間: %1</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>ヘルプデスク</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation>お客様名(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>チケット(&amp;T):</translation>
    </message>
    <message>
        <source>Ticket or reference</source>
        <translation>チケットまたは管理番号</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation>次の通話(&amp;N)</translation>
    </message>
    <message>
        <source>Close this case and start an empty one for the next caller</source>
        <translation>この案件を閉じ、次のお客様のために空の案件を始めます</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>読み上げ</translation>
    </message>
    <message>
        <source>Listen for:</source>
        <translation>聞き取るポイント:</translation>
    </message>
    <message>
        <source>Remedy sheet</source>
        <translation>対処シート</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Same as the window</source>
        <translation>ウィンドウと同じ</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese and English</source>
        <translation>日本語と英語</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>用紙(&amp;P):</translation>
    </message>
    <message>
        <source>Hide names in addresses</source>
        <translation>アドレスの名前部分を隠す</translation>
    </message>
    <message>
        <source>Sheets and exports show t***@example.jp instead of the full address</source>
        <translation>シートや書き出しでは、アドレス全体の代わりに t***@example.jp のように表示します</translation>
    </message>
    <message>
        <source>Hide server and domain names</source>
        <translation>サーバー名とドメイン名を隠す</translation>
    </message>
    <message>
        <source>Hide IP addresses</source>
        <translation>IP アドレスを隠す</translation>
    </message>
    <message>
        <source>Helpdesk &amp;name:</source>
        <translation>ヘルプデスク名(&amp;N):</translation>
    </message>
    <message>
        <source>Co&amp;ntact:</source>
        <translation>連絡先(&amp;N):</translation>
    </message>
    <message>
        <source>Phone or e-mail for the footer</source>
        <translation>フッターに載せる電話番号またはメールアドレス</translation>
    </message>
</context>
<context>
    <name>MailDoctor::HistoryDialog</name>
    <message>
        <source>Any cause</source>
        <translation>すべての原因</translation>
    </message>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1(対応中)</translation>
    </message>
    <message>
        <source>no diagnosis yet</source>
        <translation>まだ診断なし</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n selected to CSV…</source>
        <translation>
            <numerusform>選択した %n 件を CSV に書き出す(&amp;E)…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export shown to CSV…</source>
        <translation>表示中の案件を CSV に書き出す(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) as &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n 件の案件を「%1」にしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n case(s) to %1.</source>
        <translation>
            <numerusform>%n 件の案件を %1 に書き出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cases to CSV</source>
        <translation>案件を CSV に書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>案件の履歴</translation>
    </message>
    <message>
        <source>Only cases &amp;from</source>
        <translation>期間(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>～(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;ause:</source>
        <translation>原因(&amp;A):</translation>
    </message>
    <message>
        <source>Recipient &amp;domain:</source>
        <translation>宛先ドメイン(&amp;D):</translation>
    </message>
    <message>
        <source>example.jp</source>
        <translation>example.jp</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>Words in the pasted text, notes, caller or ticket</source>
        <translation>貼り付けたテキスト、メモ、お客様名、チケットに含まれる語句</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>お客様名</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Recipient domains</source>
        <translation>宛先ドメイン</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>再度開く(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Mark selected</source>
        <translation>選択した案件に設定(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MailDoctor::KbValidator</name>
    <message>
        <source>%1 has no English text</source>
        <translation>%1 に英語のテキストがありません</translation>
    </message>
    <message>
        <source>%1 has no Japanese text</source>
        <translation>%1 に日本語のテキストがありません</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;</source>
        <translation>不明な重大度「%1」</translation>
    </message>
    <message>
        <source>unknown actor &quot;%1&quot;</source>
        <translation>不明な対応者「%1」</translation>
    </message>
    <message>
        <source>cause has no knowledge-base entry</source>
        <translation>この原因にはナレッジベースの項目がありません</translation>
    </message>
    <message>
        <source>unknown cause &quot;%1&quot;</source>
        <translation>不明な原因「%1」</translation>
    </message>
    <message>
        <source>no remedy steps</source>
        <translation>対処手順がありません</translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; does not compile: %2</source>
        <translation>パターン「%1」を解釈できません: %2</translation>
    </message>
    <message>
        <source>pattern &quot;%1&quot; has a weight that is not positive</source>
        <translation>パターン「%1」の重みが正の値ではありません</translation>
    </message>
    <message>
        <source>related entry &quot;%1&quot; does not exist</source>
        <translation>関連項目「%1」は存在しません</translation>
    </message>
    <message>
        <source>question has no answers</source>
        <translation>質問に回答がありません</translation>
    </message>
    <message>
        <source>answer without an id</source>
        <translation>id のない回答があります</translation>
    </message>
    <message>
        <source>duplicate answer id</source>
        <translation>回答の id が重複しています</translation>
    </message>
    <message>
        <source>answer must lead to exactly one of next, diagnosis or paste</source>
        <translation>回答の行き先は next、diagnosis、paste のうち 1 つだけにしてください</translation>
    </message>
    <message>
        <source>next question &quot;%1&quot; does not exist</source>
        <translation>次の質問「%1」は存在しません</translation>
    </message>
    <message>
        <source>diagnosis &quot;%1&quot; does not exist</source>
        <translation>診断「%1」は存在しません</translation>
    </message>
    <message>
        <source>there is no start question</source>
        <translation>開始の質問がありません</translation>
    </message>
    <message>
        <source>question cannot be reached from the start</source>
        <translation>この質問には開始からたどり着けません</translation>
    </message>
    <message>
        <source>question has no way to a diagnosis</source>
        <translation>この質問からは診断にたどり着けません</translation>
    </message>
    <message>
        <source>entry has no patterns and no question leads to it</source>
        <translation>この項目にはパターンがなく、どの質問からもたどり着けません</translation>
    </message>
    <message>
        <source>answer leads back to &quot;%1&quot; (a cycle)</source>
        <translation>回答が「%1」に戻ってしまいます(循環)</translation>
    </message>
</context>
<context>
    <name>MailDoctor::KnowledgeBase</name>
    <message>
        <source>a pattern needs exactly one of regex, reply, enhanced, pop3, imap or client</source>
        <translation>パターンには regex、reply、enhanced、pop3、imap、client のうち 1 つだけを指定してください</translation>
    </message>
    <message>
        <source>empty pattern</source>
        <translation>パターンが空です</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>%1 without an id</source>
        <translation>id のない %1 があります</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>id が重複しています</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>JSON として正しくありません(位置 %1): %2</translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation>最上位はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>extends a question that does not exist</source>
        <translation>存在しない質問を拡張しようとしています</translation>
    </message>
</context>
<context>
    <name>MailDoctor::MainWindow</name>
    <message>
        <source>Mail Doctor</source>
        <translation>メールドクター</translation>
    </message>
    <message>
        <source>Your knowledge-base additions were not used because they have problems; Mail Doctor is using its built-in knowledge base. Fix the following and start Mail Doctor again:</source>
        <translation>追加したナレッジベースに問題があるため使用していません。メールドクターは内蔵のナレッジベースで動作しています。次の点を直してから、メールドクターを起動し直してください:</translation>
    </message>
    <message>
        <source>The built-in knowledge base has problems; some questions or diagnoses may be missing:</source>
        <translation>内蔵のナレッジベースに問題があります。一部の質問や診断が表示されないことがあります:</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problem(s).</source>
        <translation>
            <numerusform>…ほか %n 件の問題があります。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>最初からやり直す(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>The language of the questions and diagnoses</source>
        <translation>質問と診断を表示する言語</translation>
    </message>
    <message>
        <source>Knowledge-base problems</source>
        <translation>ナレッジベースの問題</translation>
    </message>
</context>
<context>
    <name>MailDoctor::Mime</name>
    <message>
        <source>A multipart section has no boundary; it was read as plain text.</source>
        <translation>マルチパートの区切り(boundary)が指定されていないため、プレーンテキストとして読み込みました。</translation>
    </message>
    <message>
        <source>The message has too many parts; the rest was not read.</source>
        <translation>メッセージのパートが多すぎるため、残りは読み込みませんでした。</translation>
    </message>
    <message>
        <source>A multipart section&apos;s boundary never appears; it was read as plain text.</source>
        <translation>マルチパートの区切り(boundary)が本文に現れないため、プレーンテキストとして読み込みました。</translation>
    </message>
    <message>
        <source>A multipart section is not closed; the message may be truncated.</source>
        <translation>マルチパートが閉じられていません。メッセージが途中で切れている可能性があります。</translation>
    </message>
    <message>
        <source>A part has too many header lines; the rest was read as its body.</source>
        <translation>ヘッダー行が多すぎるパートがあるため、残りは本文として読み込みました。</translation>
    </message>
    <message>
        <source>The message is nested too deeply; the innermost parts were read as plain text.</source>
        <translation>メッセージの入れ子が深すぎるため、最も内側のパートはプレーンテキストとして読み込みました。</translation>
    </message>
</context>
<context>
    <name>MailDoctor::PastePage</name>
    <message>
        <source>Open a returned mail or error text</source>
        <translation>戻ってきたメールまたはエラーのテキストを開く</translation>
    </message>
    <message>
        <source>Mail and text files (*.eml *.txt);;All files (*)</source>
        <translation>メール・テキストファイル (*.eml *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Could not read the file %1: %2</source>
        <translation>ファイル %1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>Could not read the file %1: it is larger than 20 MB, too large for a returned mail.</source>
        <translation>ファイル %1 を読み込めませんでした: 20 MB を超えており、戻ってきたメールとしては大きすぎます。</translation>
    </message>
    <message>
        <source>Could not read the file %1: it is not a text file. Choose a saved mail (.eml) or a text file (.txt).</source>
        <translation>ファイル %1 を読み込めませんでした: テキストファイルではありません。保存したメール(.eml)かテキストファイル(.txt)を選んでください。</translation>
    </message>
    <message>
        <source>There is nothing to analyse yet: paste the error message or the returned mail into the box first.</source>
        <translation>まだ分析するものがありません。先にエラーメッセージか戻ってきたメールを欄に貼り付けてください。</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>No known error was recognised in this text. Paste more of the message (the whole returned mail is best), or go Back and answer the questions.</source>
        <translation>このテキストからは既知のエラーが見つかりませんでした。メッセージをもっと多く(できれば戻ってきたメール全体を)貼り付けるか、「戻る」で質問に答えてください。</translation>
    </message>
    <message>
        <source>Likely causes, best first. Select one to see the lines that point to it (highlighted in the text); Next shows its diagnosis.</source>
        <translation>考えられる原因(可能性の高い順)。選ぶと、その根拠となった行がテキスト内で強調表示されます。「診断を表示」でその診断を開きます。</translation>
    </message>
    <message>
        <source>The text has changed since it was analysed; choose Analyse again.</source>
        <translation>分析した後にテキストが変更されました。もう一度「分析」を押してください。</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <source>Recipients: no per-recipient details were found in this text.</source>
        <translation>宛先: このテキストには宛先ごとの詳細が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Paste the error message</source>
        <translation>エラーメッセージを貼り付ける</translation>
    </message>
    <message>
        <source>Mail Doctor looks for known error codes and phrases in the text and ranks the causes.</source>
        <translation>テキストから既知のエラーコードや文言を探し、考えられる原因を順位付けします。</translation>
    </message>
    <message>
        <source>&amp;Paste the error message or the whole returned mail below, drop a .eml or .txt file onto the box, or open a file.</source>
        <translation>エラーメッセージか戻ってきたメール全体を下の欄に貼り付ける(&amp;P)か、.eml・.txt ファイルを欄にドロップするか、ファイルを開いてください。</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>貼り付けたテキスト</translation>
    </message>
    <message>
        <source>For example: 550 5.1.1 &lt;someone@example.com&gt;: User unknown</source>
        <translation>例: 550 5.1.1 &lt;someone@example.com&gt;: User unknown</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Likely causes</source>
        <translation>考えられる原因</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>確からしさ</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>対応する人</translation>
    </message>
    <message>
        <source>Matched lines</source>
        <translation>該当行</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Show &amp;diagnosis &gt;</source>
        <translation>診断を表示(&amp;D) &gt;</translation>
    </message>
    <message>
        <source>Saved with the addresses masked: %1</source>
        <translation>アドレスを伏せて保存しました: %1</translation>
    </message>
    <message>
        <source>&amp;Keep this sample for the knowledge-base maintainers</source>
        <translation>このサンプルをナレッジベース管理者向けに保存(&amp;K)</translation>
    </message>
    <message>
        <source>Keep this sample for the knowledge-base maintainers</source>
        <translation>このサンプルをナレッジベース管理者向けに保存</translation>
    </message>
</context>
<context>
    <name>MailDoctor::PlainWords</name>
    <message>
        <source>Permanent failure</source>
        <translation>恒久的な失敗</translation>
    </message>
    <message>
        <source>Temporary problem</source>
        <translation>一時的な問題</translation>
    </message>
    <message>
        <source>Warning only</source>
        <translation>警告のみ</translation>
    </message>
    <message>
        <source>Problem with your settings or connection</source>
        <translation>設定または接続の問題</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>The message was not delivered and will not be tried again. Fix the cause, then send it again.</source>
        <translation>メールは届いておらず、再送もされません。原因を直してから、もう一度送ってください。</translation>
    </message>
    <message>
        <source>A temporary problem: it often clears up by itself. Wait a while and try again.</source>
        <translation>一時的な問題で、多くの場合は自然に解消します。しばらく待ってから、もう一度試してください。</translation>
    </message>
    <message>
        <source>This is only a warning: the message is still on its way and will be retried automatically. There is no need to resend it.</source>
        <translation>これは警告だけです。メールはまだ配送中で、自動的に再試行されます。送り直す必要はありません。</translation>
    </message>
    <message>
        <source>The problem is on your computer, in your mail program&apos;s settings or in your connection. Once it is fixed, mail works again.</source>
        <translation>問題はお使いのパソコン、メールソフトの設定、または接続にあります。直せば、メールは再び使えるようになります。</translation>
    </message>
    <message>
        <source>For your information; nothing went wrong.</source>
        <translation>お知らせです。問題は起きていません。</translation>
    </message>
    <message>
        <source>How serious this is could not be determined.</source>
        <translation>どの程度深刻かは判断できませんでした。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>ご自身</translation>
    </message>
    <message>
        <source>Your mail administrator</source>
        <translation>メール管理者</translation>
    </message>
    <message>
        <source>Your provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>受信者</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail administrator</source>
        <translation>受信者側のメール管理者</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>対応不要</translation>
    </message>
    <message>
        <source>You can fix this yourself, in your mail program, its settings or the address you typed.</source>
        <translation>ご自身で直せます。メールソフト、その設定、または入力したアドレスを確認してください。</translation>
    </message>
    <message>
        <source>Your mail administrator (or the company that runs your mail server) must fix this; pass this diagnosis on to them.</source>
        <translation>メール管理者(またはメールサーバーを運用している会社)の対応が必要です。この診断を伝えてください。</translation>
    </message>
    <message>
        <source>Your Internet or mail provider must act; contact their support.</source>
        <translation>インターネットまたはメールのプロバイダーの対応が必要です。サポート窓口に連絡してください。</translation>
    </message>
    <message>
        <source>The recipient must act (for example free up space or change a filter); let them know by another way, such as phone.</source>
        <translation>受信者の対応が必要です(容量を空ける、フィルターを変えるなど)。電話など別の方法で知らせてください。</translation>
    </message>
    <message>
        <source>The administrator of the recipient&apos;s mail server must act; the recipient can pass this on.</source>
        <translation>受信者側のメールサーバー管理者の対応が必要です。受信者から伝えてもらってください。</translation>
    </message>
    <message>
        <source>Nobody needs to do anything: wait, and it resolves itself.</source>
        <translation>誰も対応する必要はありません。待てば解消します。</translation>
    </message>
    <message>
        <source>It is not known who must act.</source>
        <translation>誰が対応すべきかは分かりません。</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>配送失敗</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>遅延中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配送済み</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>転送済み</translation>
    </message>
    <message>
        <source>Forwarded to a list</source>
        <translation>リストへ展開済み</translation>
    </message>
</context>
<context>
    <name>MailDoctor::QuestionPage</name>
    <message>
        <source>Choose what you see. A few questions will lead you to the cause and what to do about it.</source>
        <translation>当てはまるものを選んでください。いくつかの質問に答えると、原因と対処方法が分かります。</translation>
    </message>
    <message>
        <source>Choose the answer that fits best, then press Next.</source>
        <translation>最も当てはまる答えを選んで「次へ」を押してください。</translation>
    </message>
</context>
<context>
    <name>MailDoctor::ResultPage</name>
    <message>
        <source>What happened</source>
        <translation>何が起きたか</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <source>Also rule out</source>
        <translation>あわせて確認したい原因</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>What went wrong, who must act, and the steps to fix it.</source>
        <translation>何が問題か、誰が対応するか、そして直す手順です。</translation>
    </message>
    <message>
        <source>Back to the &amp;questions</source>
        <translation>質問に戻る(&amp;Q)</translation>
    </message>
    <message>
        <source>Back to the questions</source>
        <translation>質問に戻る</translation>
    </message>
    <message>
        <source>Diagnosis and remedy steps</source>
        <translation>診断と対処手順</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>対応する人</translation>
    </message>
    <message>
        <source>You are looking at a related cause. &lt;a href=&quot;back&quot;&gt;Return to the diagnosis&lt;/a&gt;</source>
        <translation>関連する原因を表示しています。&lt;a href=&quot;back&quot;&gt;診断に戻る&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Who must act:</source>
        <translation>対応する人:</translation>
    </message>
</context>
<context>
    <name>MailDoctor::SampleArchive</name>
    <message>
        <source>There is no text to save.</source>
        <translation>保存するテキストがありません。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>MailDoctor::SheetWriter</name>
    <message>
        <source>A PDF can only be made when the program runs with a graphical platform (QGuiApplication).</source>
        <translation>PDF はグラフィカルなプラットフォーム(QGuiApplication)で動作しているときだけ作成できます。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: use a name ending in .pdf, .html or .txt.</source>
        <translation>%1 の形式を判断できません。名前の末尾を .pdf、.html、.txt のいずれかにしてください。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mail Doctor: find out why mail fails.</source>
        <translation>メールドクター: メールがうまくいかない原因を調べます。</translation>
    </message>
    <message>
        <source>Read knowledge-base additions from DIR.</source>
        <translation>追加のナレッジベースを DIR から読み込みます。</translation>
    </message>
</context>
</TS>
