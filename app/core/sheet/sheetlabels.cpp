#include "sheetlabels.h"

namespace MailDoctor {

namespace {

LocalizedText t(const char *en, const char *ja)
{
    return { QString::fromUtf8(en), QString::fromUtf8(ja) };
}

} // namespace

LocalizedText sheetLabelText(SheetLabel label)
{
    switch (label) {
    case SheetLabel::Title:
        return t("Mail trouble remedy sheet", "メールトラブル対処シート");
    case SheetLabel::Subtitle:
        return t("What was found and what to do, step by step", "わかったことと、対処の手順");
    case SheetLabel::DateTime:
        return t("Date and time", "日時");
    case SheetLabel::Reference:
        return t("Case reference", "受付番号");
    case SheetLabel::Caller:
        return t("Name", "お名前");
    case SheetLabel::SymptomPath:
        return t("What you told us", "お伺いした症状");
    case SheetLabel::Question:
        return t("Question", "質問");
    case SheetLabel::AnswerGiven:
        return t("Answer", "お答え");
    case SheetLabel::Evidence:
        return t("What the error message shows", "エラーメッセージからわかること");
    case SheetLabel::Recipients:
        return t("Recipients", "宛先");
    case SheetLabel::Address:
        return t("Address", "アドレス");
    case SheetLabel::Status:
        return t("Status", "状態");
    case SheetLabel::ServerReply:
        return t("Code", "コード");
    case SheetLabel::RemoteServer:
        return t("Server", "サーバー");
    case SheetLabel::Detail:
        return t("Details", "詳細");
    case SheetLabel::DidYouMean:
        return t("Did you mean", "正しくは");
    case SheetLabel::MatchedLines:
        return t("The lines that point to the cause", "原因を示している行");
    case SheetLabel::Codes:
        return t("Error codes", "エラーコード");
    case SheetLabel::Diagnosis:
        return t("Diagnosis", "診断");
    case SheetLabel::Severity:
        return t("How serious", "深刻度");
    case SheetLabel::WhoMustAct:
        return t("Who must act", "対処する人");
    case SheetLabel::WhatHappened:
        return t("What happened", "何が起きたか");
    case SheetLabel::RemedySteps:
        return t("What to do", "対処の手順");
    case SheetLabel::SettingsChecklist:
        return t("Mail settings checklist", "メール設定チェックリスト");
    case SheetLabel::SettingsIntro:
        return t("Open the account settings of your mail program and tick each line when it matches the "
                 "details from your provider.",
                 "メールソフトのアカウント設定を開き、プロバイダーからの案内と合っていたら□に印を付けてくださ"
                 "い。");
    case SheetLabel::Notice:
        return t("A message you can send", "送付用の文面");
    case SheetLabel::NoticeIntro:
        return t("The fix is on the other side. You can copy this message and send it to:",
                 "対処が必要なのは相手側です。次の文面を写して、こちらへお送りください：");
    case SheetLabel::Notes:
        return t("Notes", "メモ");
    case SheetLabel::NoDiagnosis:
        return t("No diagnosis has been reached yet.", "まだ診断には至っていません。");
    case SheetLabel::NothingFound:
        return t("No known error was recognised in the pasted text.",
                 "貼り付けられた文面から既知のエラーは見つかりませんでした。");
    case SheetLabel::Helpdesk:
        return t("Helpdesk", "サポート窓口");
    case SheetLabel::Contact:
        return t("Contact", "連絡先");
    case SheetLabel::MaskedNote:
        return t("Addresses are partly hidden (***) to protect privacy.",
                 "プライバシー保護のため、アドレスの一部を伏せています(***)。");
    case SheetLabel::Count:
        break;
    }
    return {};
}

QString sheetLabel(SheetLabel label, Language language)
{
    return sheetLabelText(label).text(language);
}

LocalizedText severityInWords(const QString &severity)
{
    if (severity == QLatin1String("permanent"))
        return t("Permanent failure: the message was refused for good. Fix the cause, then send it again.",
                 "恒久的なエラー：メールは受け取りを拒否されました。原因を直してから、送り直してください。");
    if (severity == QLatin1String("transient"))
        return t(
            "Temporary failure: the server keeps trying for a while. There is no need to send it again yet.",
            "一時的なエラー：サーバーがしばらく配送を試み続けます。すぐに送り直す必要はありません。");
    if (severity == QLatin1String("warning"))
        return t("Warning only: delivery is delayed. Do not send the message again.",
                 "警告のみ：配送が遅れています。メールを送り直さないでください。");
    if (severity == QLatin1String("local"))
        return t("A problem on your side: the message did not leave your computer or account.",
                 "お使いの側の問題：メールはお使いのパソコンやアカウントから送り出されていません。");
    if (severity == QLatin1String("info"))
        return t("For information: nothing failed.", "お知らせ：失敗したものはありません。");
    return t("Not known", "不明");
}

LocalizedText actorInWords(const QString &actor)
{
    if (actor == QLatin1String("you"))
        return t("You: your mail program or its settings", "お客様ご自身：メールソフトまたはその設定");
    if (actor == QLatin1String("your-admin"))
        return t("Your organisation's mail administrator", "お客様の組織のメール管理者");
    if (actor == QLatin1String("provider"))
        return t("Your Internet or mail provider", "ご契約のプロバイダー・メール事業者");
    if (actor == QLatin1String("recipient"))
        return t("The recipient", "相手の方(受信者)");
    if (actor == QLatin1String("recipient-admin"))
        return t("The recipient's mail administrator", "相手側のメール管理者");
    if (actor == QLatin1String("nobody"))
        return t("Nobody: wait, or nothing needs to be done",
                 "対処は不要です(待つか、何もする必要はありません)");
    return t("Not known", "不明");
}

QList<LocalizedText> settingsChecklistItems()
{
    return {
        t("Incoming mail server (POP3 or IMAP): the name exactly as your provider gave it: ______________",
          "受信メールサーバー(POP3またはIMAP)：プロバイダーの案内どおりの名前か：______________"),
        t("Outgoing mail server (SMTP): the name exactly as your provider gave it: ______________",
          "送信メールサーバー(SMTP)：プロバイダーの案内どおりの名前か：______________"),
        t("Outgoing port: 587 (submission, with STARTTLS) or 465 (SSL/TLS), not 25",
          "送信ポート：587(サブミッションポート、STARTTLS)または465(SSL/TLS)になっているか(25ではない)"),
        t("SMTP authentication is on (\"My outgoing server requires authentication\"), with the same account "
          "as "
          "for incoming mail",
          "SMTP認証が有効か(「送信サーバーは認証が必要」)、受信と同じアカウントを使う設定か"),
        t("Incoming port: 995 for POP3 over SSL/TLS (POP3S), or 993 for IMAP over SSL/TLS (IMAPS)",
          "受信ポート：POP3なら995(POP3S)、IMAPなら993(IMAPS)になっているか"),
        t("Encryption (SSL/TLS) is switched on for incoming and outgoing mail, matching the port numbers",
          "受信・送信とも暗号化(SSL/TLS)が、ポート番号に合わせて有効になっているか"),
        t("Account name and password typed again with care (Caps Lock off, no spaces before or after)",
          "アカウント名とパスワードを入力し直したか(Caps Lockはオフ、前後に空白を入れない)"),
    };
}

} // namespace MailDoctor
