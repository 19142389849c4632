#pragma once

// Fixture for tst_sheet, in a header of its own because moc cannot lex raw string literals.

namespace {

// A small knowledge base in the shape of the real one, written for these tests.
const char fixtureKb[] = R"({
  "causes": [
    {"id": "smtp-auth-off", "area": "send", "severity": "local", "actor": "you", "reason": ""},
    {"id": "mailbox-full", "area": "bounce", "severity": "transient", "actor": "recipient", "reason": "mailboxfull"}
  ],
  "nodes": [
    {"id": "start",
     "question": {"en": "What goes wrong?", "ja": "何がうまくいきませんか?"},
     "aloud": {"en": "Could you tell me what goes wrong?", "ja": "どのような状態か、お聞かせいただけますか。"},
     "listen": {"en": "Listen for sending or receiving.", "ja": "送信か受信かを聞き取ってください。"},
     "answers": [
       {"id": "cannot-send", "label": {"en": "I cannot send", "ja": "送信できない"}, "next": "how"},
       {"id": "returned", "label": {"en": "Mail came back", "ja": "メールが戻ってきた"}, "paste": true}
     ]},
    {"id": "how",
     "question": {"en": "What does the program say?", "ja": "メールソフトには何と表示されますか?"},
     "answers": [
       {"id": "relay", "label": {"en": "Relaying is refused", "ja": "中継が拒否された"}, "diagnosis": "smtp-auth-off"}
     ]}
  ],
  "entries": [
    {"id": "smtp-auth-off", "cause": "smtp-auth-off", "severity": "local", "actor": "you",
     "title": {"en": "Sending needs authentication", "ja": "送信には認証が必要です"},
     "summary": {"en": "The outgoing server wants your account name and password.", "ja": "送信サーバーがアカウント名とパスワードを求めています。"},
     "explanation": {"en": "Servers only relay for users who log in first.", "ja": "サーバーは、ログインした利用者のメールだけを中継します。"},
     "steps": [
       {"en": "Open the account settings.", "ja": "アカウント設定を開きます。"},
       {"en": "Switch on SMTP authentication.", "ja": "SMTP認証を有効にします。"},
       {"en": "Send a test message to yourself.", "ja": "自分宛てにテストメールを送ります。"}
     ],
     "settings": true,
     "patterns": [{"regex": "relay(ing)? (access )?denied", "weight": 2}]},
    {"id": "mailbox-full", "cause": "mailbox-full", "severity": "transient", "actor": "recipient",
     "title": {"en": "The recipient's mailbox is full", "ja": "相手のメールボックスが一杯です"},
     "summary": {"en": "The message will be retried for a while.", "ja": "しばらく再送が試みられます。"},
     "steps": [{"en": "Tell the recipient by another way.", "ja": "別の方法で相手に知らせます。"}],
     "notice": {"en": "Hello, my mail to you came back because your mailbox is full.", "ja": "お送りしたメールが、メールボックス容量超過のため戻ってきました。"},
     "patterns": [{"regex": "mailbox (is )?full", "weight": 2}]}
  ]
})";

} // namespace
