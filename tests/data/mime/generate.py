# Generates the MIME reader fixtures (written for this project).
# Run from this folder: python3 generate.py
import base64, quopri, os

def w(name, data, crlf=False):
    if isinstance(data, str):
        data = data.encode('utf-8')
    if crlf:
        data = data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    open(name, 'wb').write(data)

def b64(s, enc):
    return base64.b64encode(s.encode(enc)).decode('ascii')

def ew(s, enc, mode='B'):
    if mode == 'B':
        return '=?%s?B?%s?=' % (enc, b64(s, enc))
    raw = s.encode(enc)
    out = ''
    for c in raw:
        ch = chr(c)
        if ch.isalnum():
            out += ch
        elif ch == ' ':
            out += '_'
        else:
            out += '=%02X' % c
    return '=?%s?Q?%s?=' % (enc, out)

report = """Return-Path: <>
Received: from relay.example.org (relay.example.org [192.0.2.10])
	by mx.example.net (Postfix) with ESMTP id 4Q1ABC
	for <sender@example.net>; Sun, 22 Nov 2026 10:00:05 +0900 (JST)
From: MAILER-DAEMON@relay.example.org (Mail Delivery System)
To: sender@example.net
Subject: Undelivered Mail Returned to Sender
Date: Sun, 22 Nov 2026 10:00:04 +0900 (JST)
Message-Id: <20261122010004.1A2B3C@relay.example.org>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="1A2B3C.1700000004/relay.example.org"

This is a MIME-encapsulated message.

--1A2B3C.1700000004/relay.example.org
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@example.com>: host mx.example.com[198.51.100.7] said: 550 5.1.1
    <nobody@example.com>: Recipient address rejected: User unknown (in reply to
    RCPT TO command)

--1A2B3C.1700000004/relay.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.org
X-Postfix-Queue-ID: 1A2B3C
Arrival-Date: Sun, 22 Nov 2026 10:00:01 +0900 (JST)

Final-Recipient: rfc822; nobody@example.com
Original-Recipient: rfc822;nobody@example.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address
    rejected: User unknown

--1A2B3C.1700000004/relay.example.org
Content-Description: Undelivered Message
Content-Type: message/rfc822

Received: by mx.example.net (Postfix, from userid 1000)
	id 0F0E0D; Sun, 22 Nov 2026 10:00:00 +0900 (JST)
Received: from client.example.net (client.example.net [192.0.2.99])
	by mx.example.net with ESMTP id 0F0E0C; Sun, 22 Nov 2026 09:59:59 +0900
From: Sender <sender@example.net>
To: nobody@example.com
Subject: Lunch on Friday
Date: Sun, 22 Nov 2026 09:59:58 +0900
Message-ID: <lunch-0001@example.net>

Shall we meet at noon?

--1A2B3C.1700000004/relay.example.org--

Epilogue text that is not a part.
"""
w('crlf-multipart-report.eml', report, crlf=True)
w('lf-multipart-report.eml', report)
w('mbox-from-line.eml', 'From MAILER-DAEMON Sun Nov 22 10:00:05 2026\n' + report)

jp_body = '以下の宛先へのメールは配送できませんでした。\n宛先: ユーザー不明 (nobody@example.jp)\n'
w('base64-iso2022jp-body.eml', """From: postmaster@example.jp
To: sender@example.net
Subject: =?ISO-2022-JP?B?%s?=
MIME-Version: 1.0
Content-Type: text/plain; charset="ISO-2022-JP"
Content-Transfer-Encoding: base64

%s
""" % (b64('配送エラーのお知らせ', 'iso-2022-jp'),
       '\n'.join(base64.encodebytes(jp_body.encode('iso-2022-jp')).decode('ascii').split('\n'))))

qp_text = 'Die Nachricht konnte nicht zugestellt werden: Empfänger unbekannt. ' \
          'Ce message n’a pas pu être remis — destinataire inconnu. 宛先不明です。\n'
w('qp-utf8.eml', b"""From: mailer-daemon@example.de
To: sender@example.net
Subject: =?utf-8?Q?Unzustellbar=3A_Empf=C3=A4nger_unbekannt?=
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

""" + quopri.encodestring(qp_text.encode('utf-8')))

w('rfc2047-sjis-subject.eml', """From: =?Shift_JIS?B?%s?= <postmaster@example.jp>
To: sender@example.net
Subject: %s
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Your message was not delivered.
""" % (b64('郵便局長', 'shift_jis'), ew('送信できませんでした', 'Shift_JIS')))

# Split inside a multi-byte run: the second word starts in the middle of the ISO-2022-JP text.
subj = '宛先不明のため返送'.encode('iso-2022-jp')
half = 9
w('rfc2047-split-words.eml', """From: postmaster@example.jp
To: sender@example.net
Subject: Re: =?ISO-2022-JP?B?%s?=
 =?ISO-2022-JP?B?%s?= (%s) =?UTF-8?Q?=E2=9C=93?=
  =?UTF-8?B?%s?=
MIME-Version: 1.0

body
""" % (base64.b64encode(subj[:half]).decode(), base64.b64encode(subj[half:]).decode(), 'x',
       b64('済', 'utf-8')))

w('rfc2231-filename.eml', """From: sender@example.net
To: nobody@example.com
Subject: attachment names
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: text/plain; charset=utf-8

See the attachment.
--outer
Content-Type: application/pdf;
 name*0*=UTF-8''%E8%AB%8B%E6%B1%82;
 name*1*=%E6%9B%B8;
 name*2=".pdf"
Content-Disposition: attachment;
 filename*=iso-2022-jp'ja'%1B%24B%40A5a%3Dq%1B%28B.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer
Content-Type: text/plain; name="=?UTF-8?B?@@?="
Content-Disposition: attachment; filename="plain name.txt"

x
--outer--
""".replace('@@', b64('メモ.txt', 'utf-8')))

w('body-only-paste.txt', """This is the mail system at host relay.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<nobody@example.com>: host mx.example.com[198.51.100.7] said: 550 5.1.1
    <nobody@example.com>: Recipient address rejected: User unknown
""")
w('single-line-paste.txt', '550 5.7.1 <nobody@example.com>: Relay access denied')
w('dsn-fields-paste.txt', """Reporting-MTA: dns; relay.example.org

Final-Recipient: rfc822; nobody@example.com
Action: failed
Status: 5.1.1
""")

w('nested-rfc822.eml', """From: Helpdesk User <user@example.net>
To: helpdesk@example.net
Subject: Fwd: Returned mail
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="fwd-outer"

--fwd-outer
Content-Type: text/plain; charset=utf-8

Please look at the bounce below.

--fwd-outer
Content-Type: message/rfc822

From: Mail Delivery Subsystem <mailer-daemon@relay.example.org>
To: user@example.net
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="inner-report"

--inner-report
Content-Type: text/plain

   ----- The following addresses had permanent fatal errors -----
<nobody@example.com>

--inner-report
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.org

Final-Recipient: RFC822; nobody@example.com
Action: failed
Status: 5.1.1

--inner-report
Content-Type: text/rfc822-headers

From: user@example.net
To: nobody@example.com
Subject: Original subject
Message-ID: <orig-42@example.net>
Received: from a.example.net by b.example.net; Sun, 22 Nov 2026 09:00:00 +0900
Received: from c.example.net by a.example.net; Sun, 22 Nov 2026 08:59:59 +0900

--inner-report--

--fwd-outer--
""")

w('unclosed-boundary.eml', """From: mailer-daemon@example.org
To: sender@example.net
Subject: Delivery failure (truncated paste)
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="never-closed"

--never-closed
Content-Type: text/plain

Delivery to the following recipient failed permanently:

     nobody@example.com

--never-closed
Content-Type: message/delivery-status

Reporting-MTA: dns; example.org

Final-Recipient: rfc822; nobody@example.com
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 Mailbox full
""")

w('folded-header.eml', """From: postmaster@example.org
To: sender@example.net
Subject: This subject is folded
	over three
   lines
X-Empty:
Content-Type: text/plain;
	charset="utf-8"
Subject : second subject with obsolete blank before the colon

Body after folded headers.
""")

w('no-blank-line.eml', """From: postmaster@example.org
To: sender@example.net
Subject: headers run into the body
----- Transcript of session follows -----
550 5.1.1 nobody@example.com... User unknown
""")

w('sjis-nec-x-sjis.eml', b"""From: postmaster@example.jp
To: sender@example.net
Subject: test
MIME-Version: 1.0
Content-Type: text/plain; charset=x-sjis
Content-Transfer-Encoding: 8bit

""" + '①番の宛先はメールボックスが一杯です。\n'.encode('cp932'))

w('iso2022jp-nec-7bit.eml', b"""From: postmaster@example.jp
To: sender@example.net
Subject: test
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit

""" + b'\x1b$B-"\x1b(B' + '受信拒否設定により返送されました。\n'.encode('iso-2022-jp'))

w('mislabelled-usascii-jis.eml', b"""From: postmaster@example.jp
To: sender@example.net
Subject: test
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

""" + '宛先のドメインが見つかりません。\n'.encode('iso-2022-jp'))

w('unlabelled-eucjp.eml', b"""From: postmaster@example.jp
To: sender@example.net
Subject: test

""" + 'このアドレスは現在使われておりません。\n'.encode('euc-jp'))

w('unlabelled-sjis.eml', b"""From: postmaster@example.jp
To: sender@example.net
Subject: test

""" + 'このアドレスは現在使われておりません。\n'.encode('cp932'))

w('raw-8bit-headers.eml', 'From: 管理者 <postmaster@example.jp>\nTo: sender@example.net\nSubject: 送信エラー\n\nbody\n'.encode('utf-8')
  + b'')
w('raw-jis-header.eml', b'From: postmaster@example.jp\nTo: sender@example.net\nSubject: ' + '送信エラー'.encode('iso-2022-jp') + b'\n\nbody\n')

w('latin1-labelled-utf8.eml', """From: postmaster@example.fr
To: sender@example.net
Subject: test
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: 8bit

Adresse électronique inconnue.
""")
w('latin1-real.eml', b"""From: postmaster@example.fr
To: sender@example.net
Subject: test
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: 8bit

Adresse \xe9lectronique inconnue.
""")
w('unknown-charset.eml', """From: postmaster@example.org
To: sender@example.net
Subject: test
Content-Type: text/plain; charset=x-no-such-charset
Content-Transfer-Encoding: 8bit

Zustellung fehlgeschlagen für nobody@example.com
""")

good = base64.b64encode('Mailbox unavailable: quota exceeded for nobody@example.com'.encode()).decode()
broken = good[:20] + '\n!!garbage*%\n' + good[20:40] + '\n\n' + good[40:].rstrip('=')
w('broken-base64.eml', """From: postmaster@example.org
To: sender@example.net
Subject: test
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: BASE64

%s
""" % broken)

w('no-boundary-param.eml', """From: postmaster@example.org
To: sender@example.net
Subject: multipart without boundary parameter
MIME-Version: 1.0
Content-Type: multipart/mixed

--guessed-boundary
Content-Type: text/plain

first part
--guessed-boundary
Content-Type: text/plain

second part
--guessed-boundary--
""")

w('digest.eml', """From: list@example.org
To: sender@example.net
Subject: digest
MIME-Version: 1.0
Content-Type: multipart/digest; boundary="dg"

--dg

From: a@example.org
Subject: first digest message

one
--dg

From: b@example.org
Subject: second digest message

two
--dg--
""")

w('utf16-bom.txt', '\ufeff550 5.1.1 User unknown: ユーザー不明\r\n'.encode('utf-16-le'))

w('report-fields-paste.txt', 'To: nobody@example.com\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n')
w('header-only-paste.txt', 'From: Mail Delivery System <MAILER-DAEMON@relay.example.org>\n'
  'Subject: Undelivered Mail Returned to Sender\n')
