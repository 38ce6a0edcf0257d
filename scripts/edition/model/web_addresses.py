"""Which web addresses a reader may be sent to: http(s), written as browsers read them, on the public web.

The one rule for every address the edition publishes or follows: a source record's, a page's link, a setting's,
a template's, and each connection the link checker makes. An address is refused for what it holds (characters no
address holds as written, a user name), for a host a browser reads otherwise than the page shows (numbers in octal,
look-alike letters, punycode), and for a host no one on the public web answers for (a private or loopback IP,
localhost, .local, .internal and the other special-use names).
"""

from __future__ import annotations

import codecs
import email.errors
import email.header
import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from ..problems import lookalikes, shown
from .files import FORMAT_CHARACTERS_KEPT, INVISIBLE_IN_VALUES, UNSEEN_IN_ADDRESSES

# Characters an address cannot hold as they are (RFC 3986): a space, quotation marks, angle and curly
# brackets, a backslash and the like. Written into a page or a BibTeX entry, they break the link or more. Nor
# anything that draws nothing, even what a value may hold for Arabic or Persian text or an emoji's form.
NOT_IN_ADDRESSES = re.compile('[\\s"<>{}|\\\\^`' + UNSEEN_IN_ADDRESSES + "]")


def web_address(value, local_ok: bool = False) -> bool:
    """Whether a value is an http(s) address with a host, and nothing an address cannot hold; on the public web
    unless local_ok (a service the maintainer names, such as a test's)."""
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:  # http://[::1/, http://[zz]/: no URL parser reads it
        return False
    return (parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
            and not NOT_IN_ADDRESSES.search(value) and "@" not in parts.netloc and _host_problem(parts, local_ok) is None)


SAME_SITE = "give the address as the site itself gives it"


NUMBER_LABEL = re.compile(r"[0-9]+|0[xX][0-9A-Fa-f]*")


def read_as_ip(host: str) -> str | None:
    """The IPv4 address a browser reads host as (WHATWG URL: a host whose last label is a number is one, its parts in
    decimal, octal with a leading 0, or hex with 0x, fewer than four filling the rest), or None: a name, or no address."""
    labels = host.removesuffix(".").split(".")
    if not NUMBER_LABEL.fullmatch(labels[-1]) or len(labels) > 4:
        return None
    try:
        numbers = [int(label, 16) if label[:2].lower() == "0x" and len(label) > 2 else 0 if label.lower() == "0x"
                   else int(label, 8) if label.startswith("0") and len(label) > 1 else int(label) for label in labels]
    except ValueError:  # a part that is no number (a 9 in octal): browsers refuse the address
        return None
    if any(number > 255 for number in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = sum(number << 8 * (3 - index) for index, number in enumerate(numbers[:-1])) + numbers[-1]
    return str(ipaddress.IPv4Address(value))


NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _nat64(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a NAT64 address stands for (RFC 6052, RFC 8215), or None."""
    return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if any(ip in network for network in NAT64) else None


def _carried(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries in its last 32 bits, by any of the forms a system may route to it:
    mapped (::ffff:a.b.c.d), compatible (::a.b.c.d, deprecated but still routed), SIIT's translated
    (::ffff:0:a.b.c.d), 6to4, Teredo and NAT64; None for a plain IPv6 address."""
    high = int(ip) >> 32
    if high in (0, 0xFFFF0000) and int(ip) > 1:  # :: and ::1 are themselves, neither public
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.ipv4_mapped or ip.sixtofour or (ip.teredo or (None, None))[1] or _nat64(ip)


def not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address ip stands for when that is not on the public internet (private, loopback, link-local, shared,
    reserved or multicast), or None for a public one. The rule of the link checker's connections and of the
    addresses a record or page may link to."""
    if isinstance(ip, ipaddress.IPv6Address):  # an IPv4 address carried in an IPv6 one is that address
        ip = _carried(ip) or ip
    return ip if not ip.is_global or ip.is_multicast or ip.is_reserved else None


def _host_problem(parts, local_ok: bool = False) -> str | None:
    """What makes an address's host or port one no reader should be sent to, or None: a port out of range, or
    a look-alike host.

    A host in punycode (xn--…) is shown decoded by some browsers and left as it is by the pages, so
    'xn--pypal-4ve.com' reads as 'pаypal.com' with a Cyrillic а: each label is decoded and refused when
    it mixes Latin letters with letters of another script, the look-alike the ids are checked for too."""
    try:  # urlsplit takes any digits after the colon, and .port raises for what no server listens on
        port = parts.port
    except ValueError:
        written = parts.netloc.rpartition(":")[2]
        return (f"port {written} is out of range (a port is 1 to 65535)" if written.isdigit()
                else f"port {written!r} is not a number") + f": {SAME_SITE}"
    if port == 0:
        return f"port 0 is out of range (a port is 1 to 65535): {SAME_SITE}"
    host = parts.hostname or ""
    not_a_host = f"{host!r} is not a host name (letters, digits and hyphens between dots) nor an IP address: {SAME_SITE}"
    if ":" not in host and NUMBER_LABEL.fullmatch(host.removesuffix(".").rpartition(".")[2]):  # IPv4 to a browser, or none
        read = read_as_ip(host)
        if read is None:
            return not_a_host
        if read != host:
            return f"browsers read the host {host!r} as the IP address {read} (numbers in octal, hex or fewer parts): {SAME_SITE}"
    # A link a reader follows to their own machine or network (a router's page, a cloud's metadata service), and a
    # record no one else could check (twentieth hostile round, case 12; names: twenty-first round, T1).
    if not local_ok and (ip := _ip_address(host)) is not None and (local := not_public(ip)):
        return (f"the host {host}{'' if str(local) == host else f' (that is {local})'} is not on the public web, so a reader "
                f"who follows the link reaches their own machine or network: {SAME_SITE}")
    if host.isascii() and "xn--" not in host:  # the usual host: Latin letters alone, nothing a browser reads otherwise
        if not (HOST_NAME.match(host) or _ip_address(host) is not None):
            return not_a_host  # `http://%zz/`: no server is so named
        return None if local_ok else special_use_problem(host)
    if odd := next((c for c in host if unicodedata.normalize("NFKC", c) != c or c in IDEOGRAPHIC_STOPS), None):
        # A fullwidth or ideographic full stop (evil．example, upi。com) or letter is read by browsers as its plain form:
        # the reader goes to a host the page does not show.
        plain = "." if odd in IDEOGRAPHIC_STOPS else unicodedata.normalize("NFKC", odd)
        return (f"the host {host} holds {odd!r} (U+{ord(odd):04X} {unicodedata.name(odd, '?')}), which browsers read as "
                f"{plain!r}: {SAME_SITE}")
    if not HOST_NAME.match(host):
        return not_a_host
    labels = []
    for written in host.split("."):
        try:
            labels.append(written[4:].encode("ascii").decode("punycode") if written.startswith("xn--") else written)
        except (UnicodeError, ValueError):
            return f"the host {host} holds {written!r}, which is not valid punycode: {SAME_SITE}"
    decoded = ".".join(labels)
    spelt = f" (punycode for {decoded!r})" if decoded != host else ""
    for label in labels:
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in label if c.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            foreign = "".join(c for c in label if c.isalpha() and not unicodedata.name(c, "?").startswith("LATIN"))
            return (f"the host {host}{spelt} mixes Latin letters with look-alikes from another script{lookalikes(foreign)}: "
                    f"{SAME_SITE}")
        # A name in another script spelt only with letters that look Latin (аррӏе.com, all Cyrillic), under a Latin
        # top-level domain: browsers show such a host in punycode for the same reason (a whole-script confusable).
        if labels[-1].isascii() and len(label) > 1 and not label.isascii() and all(c in LATIN_LOOKALIKES or not c.isalpha()
                                                                                  for c in label):
            return (f"the host {host}{spelt} is spelt in letters of another script that look Latin{lookalikes(label)}: "
                    f"{SAME_SITE}")
    return None if local_ok else special_use_problem(host)


def special_use_problem(host: str) -> str | None:
    """What makes a name no name on the public web (SPECIAL_USE, or one label alone), or None. The last of a host's
    checks: a name that fails an earlier one is named for that."""
    name = host.removesuffix(".")
    if _ip_address(host) is not None:
        return None
    special = next((suffix for suffix in SPECIAL_USE if name == suffix or name.endswith("." + suffix)), None)
    if special is None and "." in name:
        return None
    why = f".{special} is for {SPECIAL_USE[special]}" if special else "a name of one label, which the reader's network answers for"
    return (f"the host {host} is not a name on the public web ({why}), so a reader who follows the link reaches their "
            f"own machine or network, or nothing: {SAME_SITE}")


# Names no one on the public web answers for, each with why: an address under one is answered, if at all, by the
# reader's own machine or network, or by none.
SPECIAL_USE = {
    "localhost": "the reader's own machine, RFC 6761", "localdomain": "the reader's own machine, in many systems' hosts files",
    "local": "machines on the reader's own network, RFC 6762", "home.arpa": "home networks, RFC 8375",
    "arpa": "the Internet's own infrastructure, never a page, RFC 3172",  # ipv4only.arpa, in-addr.arpa (twenty-second round, T1)
    # Suffixes never delegated in DNS, which networks use for their own machines (ICANN's name collision advice; case
    # 15; .mail and .intranet: round 23, 35).
    **dict.fromkeys(("corp", "home", "lan", "private", "mail", "intranet"), "private networks, never delegated in DNS"),
    "internal": "private networks and cloud services, ICANN", "test": "testing, RFC 6761", "invalid": "no host, RFC 6761",
    "example": "examples, RFC 6761", "onion": "Tor's onion services, RFC 7686", "alt": "names outside DNS, RFC 9476",
    # IANA's eleven IDN test domains, .test in other scripts, taken out of the root zone in 2013 (twenty-ninth round, M5),
    # as typed and in punycode: إختبار آزمایشی 测试 測試 испытание परीक्षा δοκιμή 테스트 טעסט テスト பரிட்சை.
    **dict.fromkeys(("إختبار", "xn--kgbechtv", "آزمایشی",
                     "xn--hgbk6aj7f53bba", "测试", "xn--0zwm56d", "測試", "xn--g6w251d",
                     "испытание", "xn--80akhbyknj4f",
                     "परीक्षा", "xn--11b5bs3a9aj6g", "δοκιμή",
                     "xn--jxalpdlp", "테스트", "xn--9t4b11yi5a", "טעסט", "xn--deba0ad",
                     "テスト", "xn--zckzah", "பரிட்சை", "xn--hlcj6aya9esc7a"),
                    "testing, IANA's IDN test domains, withdrawn from the root in 2013"),
}
IDEOGRAPHIC_STOPS = "\u3002\uff61"  # full stops IDNA reads as '.', though NFKC leaves the first as it is
# A host name as browsers and DNS take one: labels of letters (any script), digits and inner hyphens, between dots.
HOST_NAME = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)*[^\W_](?:[\w-]{0,61}[^\W_])?\.?\Z")


def _ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address host is (an IPv6 one without its zone), or None for a name."""
    if ":" not in host and not host.replace(".", "").isdigit():
        return None  # a name: Python reads IPv4 only as digits and dots, and a parse that fails costs an exception twice
    try:
        return ipaddress.ip_address(host.partition("%")[0] if ":" in host else host)
    except ValueError:
        return None


# Cyrillic and Greek small letters that read as Latin ones in an address bar's fonts.
LATIN_LOOKALIKES = frozenset("аеорсухіјѕԁһӏԛԝьοαινρυ")


def host_problem(url: str) -> str | None:
    """What makes a web address's host one no reader should be sent to (_host_problem), or None, as for anything
    that is no http(s) address."""
    try:
        parts = urlsplit(url.strip())
        return _host_problem(parts) if parts.scheme.lower() in ("http", "https") and parts.netloc else None
    except ValueError:  # http://[::1/ or http://[zz]/: no URL parser reads it (twelfth hostile round, cases 199-217)
        return f"it is no address a browser reads (a bracket left open, or one that holds no IP address): {SAME_SITE}"


def address_problem(value: str) -> str | None:
    """How to mend an address that is not one a reader may be sent to as written (web_address), or None for one that is."""
    return None if web_address(value) else address_fix(value)


def address_fix(value) -> str:
    """How to mend a value that is not a web address: its scheme, or a character it cannot hold."""
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:
        return "write the address whole: a bracket left open, or one that holds no IP address, is read by no browser"
    web = parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
    if web and (found := NOT_IN_ADDRESSES.search(value)):  # a web address, but for what it holds
        return f"an address cannot hold {shown(found[0])}: percent-encode it (a space is %20, \" is %22) or remove it"
    if web and "@" in parts.netloc:  # user:pass@host: a reader's browser would log in, or be misled about the host
        return "an address cannot hold a user name or password (user:pass@ before the host): remove them"
    if web and (problem := _host_problem(parts)):
        return problem
    return "link to the document's web address (https://...)"


# What no mail address holds, typed or percent-encoded: a control character, or one that draws nothing or reorders the
# text. A subject or a body is text, and holds what a value may (the joiners and marks a script needs, the emoji
# selectors); a subject no line break, which would start another header (Bcc:, twenty-eighth hostile round, T3); a body
# its line breaks and tabs, as RFC 6068 writes them (%0D%0A).
_NOT_IN_MAIL_ADDRESSES = re.compile("[\x00-\x1f\x7f-\x9f" + UNSEEN_IN_ADDRESSES + "]")
_NOT_IN_HEADERS = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f]|{INVISIBLE_IN_VALUES.pattern}")
_NOT_IN_BODIES = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]|{INVISIBLE_IN_VALUES.pattern}")
# The headers a mail link may set, those that hold addresses and those that hold text. RFC 6068 (section 6) warns
# against any other: a mail program may act on it (attach= and attachment= attach a file of the reader's own,
# thirtieth hostile round, T3; from= and reply-to= send as or to someone else), and none of the edition's needs one.
ADDRESS_HEADERS = frozenset({"to", "cc", "bcc"})
TEXT_HEADERS = frozenset({"subject", "body", "keywords", "comments", "in-reply-to", "references"})
# What draws nothing and is kept in a value for a script's or an emoji's sake: a text of these alone shows nothing.
_DRAWS_NOTHING = re.compile(f"[\\s{''.join(sorted(FORMAT_CHARACTERS_KEPT))}\ufe00-\ufe0f\U000e0100-\U000e01ef]*")
MAIL_FIX = ("write it as mailto:name@domain, with a domain on the public web and only recipients, a subject and a body "
            "after the ?; or remove the link")


def mail_problem(value: str) -> str | None:
    """What makes a mailto: address one no reader should be sent to, or None (also for any other address): a recipient,
    before the ? or in to=, cc= or bcc=, that is no bare mail address under a name on the public web (an IP, localhost,
    a special-use or look-alike name), a header other than ADDRESS_HEADERS and TEXT_HEADERS or a name mail programs
    read otherwise, a fragment, or what no address, subject or body holds, typed, percent-encoded or in an encoded word
    (a NUL, a right-to-left override, a line break in a subject: twenty-seventh to thirty-third hostile rounds)."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return "no mail program reads it (a bracket left open)"
    if parts.scheme.lower() != "mailto":
        return None
    if "#" in value:  # RFC 6068 gives a mail link no fragment: some programs read on past it (thirtieth round, T8)
        return f"it holds a fragment ({shown(value[value.index('#'):])}), which a mail link has no use for"
    fields = [("to", parts.path)]
    # A + is a plus sign in a mail link (RFC 6068), not a form's space: read as one, it hid a UTF-7 encoded word's
    # line break (=?utf-7?q?a+AA0ACg-bcc:…?=, thirty-first hostile round, T1).
    for key, words in parse_qsl(parts.query.replace("+", "%2B"), keep_blank_values=True):
        if not re.fullmatch(r"[A-Za-z0-9-]+", key):  # to%3Db@…, ` cc`: read as a header by some programs, not by others
            return f"it holds the header name {shown(key)}, which mail programs read differently"
        if key.lower() not in ADDRESS_HEADERS | TEXT_HEADERS:
            return (f"it sets the header {shown(key)}, which a mail program may act on (attach= attaches a file of the "
                    f"reader's own); a mail link sets only {', '.join(sorted(ADDRESS_HEADERS | TEXT_HEADERS))}")
        fields.append((key.lower(), words))
    recipients = []
    for key, words in fields:
        text = unquote(words, errors="replace")
        refused = (_NOT_IN_MAIL_ADDRESSES if key in ADDRESS_HEADERS else _NOT_IN_BODIES if key == "body" else _NOT_IN_HEADERS)
        decoded = _encoded_words(text) if key != "body" else text
        if decoded is None:
            return f"its {key} holds an encoded word in a charset the check cannot read, which mail programs may read as anything"
        for reading in (text, *([decoded] if decoded != text else [])):
            # An encoded word (=?utf-8?q?…?=) is decoded by the mail program: held to the same (thirtieth round, M4).
            if found := refused.search(reading):
                encoded = "" if found[0] in value else ", percent-encoded" if reading is text else ", in an encoded word"
                where = "an address" if key in ADDRESS_HEADERS else f"a mail's {key}"
                return f"it holds {shown(found[0])} (U+{ord(found[0]):04X}{encoded}), which {where} never holds"
            if reading and key not in ADDRESS_HEADERS and _DRAWS_NOTHING.fullmatch(reading):  # twenty-ninth round, T2
                return f"its {key} is made of characters that draw nothing, so it shows nothing at all"
        if key in ADDRESS_HEADERS and (found := re.search(r"[<>]", text)):
            # "Name <a@b>" is read as one address by some programs and split at its comma or its spaces by others.
            return f"it gives a recipient as {shown(text)}, with a name or <>; give the bare address, name@domain"
        if key in ADDRESS_HEADERS:
            recipients += [one.strip() for one in text.split(",") if one.strip()]
    if not recipients:
        return "it names no recipient"
    return next(filter(None, map(_recipient_problem, recipients)), None)


def _encoded_words(text: str) -> str | None:
    """Text with its encoded words (RFC 2047: =?utf-8?q?…?=) decoded as a mail program decodes them, a character it
    cannot decode as U+FFFD; None when a word's charset is one no text codec here reads."""
    if "=?" not in text:
        return text
    try:
        parts = email.header.decode_header(text)
    except (email.errors.HeaderParseError, ValueError):
        return "\ufffd"
    # Adjacent words of one charset, however spelled (UTF-16BE, utf_16_be*en), are one text to a program that joins
    # them before decoding: a line break split between two was never seen (thirty-fifth hostile round, T9).
    joined: list[tuple[bytes | str, str | None]] = []
    for part, charset in parts:
        codec = _codec(charset) if isinstance(part, bytes) else None
        if isinstance(part, bytes) and joined and isinstance(joined[-1][0], bytes) and joined[-1][1] == codec:
            joined[-1] = (joined[-1][0] + part, codec)
        else:
            joined.append((part, codec))
    try:
        return "".join(_decoded(part, codec) if isinstance(part, bytes) else part for part, codec in joined)
    except (LookupError, TypeError, UnicodeError):
        # A charset no codec here reads, or one that names no text encoding (rot13, hex, zlib: thirty-fourth hostile
        # round, T1), or Python's `undefined`, which decodes nothing.
        return None


def _decoded(part: bytes, codec: str | None) -> str:
    """An encoded word's bytes as mail programs read them, a character none can read as U+FFFD. UTF-16 and UTF-32
    without a byte-order mark are read both ways: Python and glibc read them little-endian, RFC 2781 and Java
    big-endian, where the same bytes may hold a line break and a Bcc header (thirty-fourth hostile round, minor)."""
    if codec in ("utf-16", "utf-32"):
        both = not part.startswith(_BYTE_ORDER_MARKS)
        return part.decode(f"{codec}-le", errors="replace") + part.decode(f"{codec}-be", errors="replace") if both else (
            part.decode(codec, errors="replace"))
    # A line break or a NUL among the bytes is one to a program that does not know the charset and shows the bytes:
    # Python's hz drops `~` and a line feed, unicode_escape a backslash and one (thirty-fifth hostile round, T7 and T8).
    # No charset mail uses but UTF-16 and UTF-32 makes a character of those bytes.
    wide = codec is not None and codec.startswith(("utf-16", "utf-32"))
    return part.decode(codec, errors="replace") + ("" if wide else "".join(chr(byte) for byte in part if byte in b"\0\n\r"))


_BYTE_ORDER_MARKS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _codec(charset: str | None) -> str | None:
    """The codec of an encoded word's charset, its language (RFC 2231: utf-7*en) left aside, as mail programs read it
    (thirty-second hostile round, T2); None for one Python does not know (UTF-7-IMAP, which glibc reads: thirty-third
    round, T6), whose words no one here can read."""
    try:
        return codecs.lookup((charset or "ascii").split("*", 1)[0] or "ascii").name
    except LookupError:
        return None


def _recipient_problem(recipient: str) -> str | None:
    """What makes one recipient of a mail link no mail address under a name on the public web, or None."""
    local, at, domain = recipient.rpartition("@")
    if not at or not local or not domain:
        return f"{shown(recipient)} is not a mail address (name@domain)"
    if "\\" in recipient or recipient.count('"') not in (0, 2) or ('"' in recipient and not local[0] == local[-1] == '"'):
        # "b\\"@localhost"@example.org: a backslash escapes the next character inside quotes, so where the quotes end,
        # and which @ is the host's, differs from program to program (thirtieth hostile round, T4).
        return f"{shown(recipient)} holds a backslash or quotes other than one pair around the name, which mail programs read differently"
    if "@" in local and not (len(local) > 1 and local[0] == local[-1] == '"'):
        # b@localhost@example.org, @localhost:b@example.org (a source route): mail programs differ on which host they
        # write to (twenty-ninth hostile round, T4); an @ belongs in a local part only quoted.
        return f"{shown(recipient)} holds more than one @, which mail programs read differently"
    if domain.startswith("[") or _ip_address(domain) is not None or read_as_ip(domain) is not None:
        return f"the recipient {shown(recipient)} is at an IP address, not a name on the public web"
    try:
        problem = _host_problem(urlsplit(f"http://{domain}/"))
    except ValueError:
        problem = None
    if problem is None and not HOST_NAME.match(domain):
        problem = f"{shown(domain)} is not a host name"
    return f"the recipient {shown(recipient)}: {problem.removesuffix(': ' + SAME_SITE)}" if problem else None
