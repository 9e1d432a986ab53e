"""A deterministic multi-market corpus of marketing copy for the benchmark.

Copy is composed from a small set of sentence templates per language with seeded
randomness, so the same seed and size always give byte-identical files: figures from
two runs compare the tool, not the input. The sentences carry the things culturelint
looks for (prices, counts, colours, dates, exclamation marks, superlatives, a foreign
currency now and then), so checks do real work instead of scanning clean text.

Formats: Markdown with front matter, HTML landing pages and plain text always; PO,
XLIFF, JSON and Fluent files only when culturelint has a reader for them (checked in
`available_formats`), so the benchmark follows the tool as readers are added.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

# Market -> language of its copy. All are curated markets in markets/.
MARKETS: dict[str, str] = {
    "en-US": "en",
    "en-GB": "en",
    "de-DE": "de",
    "fr-FR": "fr",
    "es-ES": "es",
    "es-MX": "es",
    "pt-BR": "pt",
    "ja-JP": "ja",
    "zh-CN": "zh",
    "ar-SA": "ar",
}

PRODUCTS = ("Aurora", "Nimbus", "Solace", "Vela", "Orbit", "Lumen", "Kestrel", "Tessera")

# Per language: headings, body sentences and calls to action. Slots: {product},
# {price}, {count}, {pct}, {colour}, {day}, {month}.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "heading": (
            "Meet {product}",
            "Why {product}?",
            "The new {product} is here",
            "Our {colour} edition",
        ),
        "body": (
            "The {product} fills your home with sound and works with every major music service.",
            "Order by {month} {day} and pay just ${price} instead of ${price}.",
            "Over {count} customers already trust {product} every day.",
            "It is the best speaker we have ever made, and the most beautiful one too!",
            "Choose the {colour} finish for a calm, modern look in any room.",
            "Save {pct}% this week only!!! Hurry, stocks are limited.",
            "Free shipping on all orders over ${price}, with a 30-day money-back guarantee.",
            "Our support team answers within {count} minutes, 24/7.",
        ),
        "cta": ("Shop now", "Order today", "Learn more"),
        "colours": ("white", "black", "red", "green", "gold"),
        "months": ("November", "December", "April", "March"),
    },
    "de": {
        "heading": (
            "Das ist {product}",
            "Warum {product}?",
            "Der neue {product} ist da",
            "Die {colour}e Edition",
        ),
        "body": (
            "Der {product} erfüllt Ihr Zuhause mit Klang und funktioniert mit allen großen "
            "Musikdiensten.",
            "Bestellen Sie bis zum {day}. {month} und zahlen Sie nur {price} € statt {price} €.",
            "Mehr als {count} Kundinnen und Kunden vertrauen {product} jeden Tag.",
            "Das ist der beste Lautsprecher, den wir je gebaut haben!",
            "Wähle die Farbe {colour} für einen ruhigen, modernen Look in jedem Raum.",
            "Spare nur diese Woche {pct} %!!! Schnell, der Vorrat ist begrenzt.",
            "Kostenloser Versand ab ${price}, mit 30 Tagen Geld-zurück-Garantie.",
            "Unser Support antwortet innerhalb von {count} Minuten, rund um die Uhr.",
        ),
        "cta": ("Jetzt kaufen", "Heute bestellen", "Mehr erfahren"),
        "colours": ("weiß", "schwarz", "rot", "grün", "gold"),
        "months": ("November", "Dezember", "April", "März"),
    },
    "fr": {
        "heading": (
            "Voici {product}",
            "Pourquoi {product} ?",
            "Le nouveau {product} est là",
            "L'édition {colour}",
        ),
        "body": (
            "Le {product} remplit votre maison de son et fonctionne avec tous les grands "
            "services de musique.",
            "Commandez avant le {day} {month} et payez seulement {price} € au lieu de {price} €.",
            "Plus de {count} clients font déjà confiance à {product} chaque jour.",
            "C'est la meilleure enceinte que nous ayons jamais conçue !",
            "Choisis la finition {colour} pour un style calme et moderne dans chaque pièce.",
            "Économisez {pct} % cette semaine seulement !!! Vite, les stocks sont limités.",
            "Livraison gratuite dès {price} $, avec une garantie satisfait ou remboursé de 30 "
            "jours.",
            "Notre équipe répond en moins de {count} minutes, 24 h/24.",
        ),
        "cta": ("Acheter", "Commander aujourd'hui", "En savoir plus"),
        "colours": ("blanche", "noire", "rouge", "verte", "dorée"),
        "months": ("novembre", "décembre", "avril", "mars"),
    },
    "es": {
        "heading": (
            "Descubre {product}",
            "¿Por qué {product}?",
            "Llega el nuevo {product}",
            "La edición {colour}",
        ),
        "body": (
            "El {product} llena tu hogar de sonido y funciona con todos los grandes servicios de "
            "música.",
            "Pide antes del {day} de {month} y paga solo {price} € en lugar de {price} €.",
            "Más de {count} clientes ya confían en {product} cada día.",
            "¡Es el mejor altavoz que hemos fabricado nunca!",
            "Elija el acabado {colour} para un aspecto tranquilo y moderno en cualquier "
            "habitación.",
            "¡¡¡Ahorra un {pct} % solo esta semana!!! Date prisa, las existencias son limitadas.",
            "Envío gratis en pedidos de más de ${price}, con garantía de devolución de 30 días.",
            "Nuestro equipo responde en menos de {count} minutos, 24/7.",
        ),
        "cta": ("Comprar ahora", "Pedir hoy", "Más información"),
        "colours": ("blanco", "negro", "rojo", "verde", "dorado"),
        "months": ("noviembre", "diciembre", "abril", "marzo"),
    },
    "pt": {
        "heading": (
            "Conheça o {product}",
            "Por que {product}?",
            "Chegou o novo {product}",
            "A edição {colour}",
        ),
        "body": (
            "O {product} enche a sua casa de som e funciona com todos os grandes serviços de "
            "música.",
            "Peça até {day} de {month} e pague apenas R$ {price} em vez de R$ {price}.",
            "Mais de {count} clientes já confiam no {product} todos os dias.",
            "É a melhor caixa de som que já fizemos!",
            "Escolha o acabamento {colour} para um visual calmo e moderno em qualquer ambiente.",
            "Economize {pct}% só nesta semana!!! Corra, o estoque é limitado.",
            "Frete grátis em pedidos acima de ${price}, com garantia de devolução de 30 dias.",
            "Nossa equipe responde em até {count} minutos, 24 horas por dia.",
        ),
        "cta": ("Compre agora", "Peça hoje", "Saiba mais"),
        "colours": ("branco", "preto", "vermelho", "verde", "dourado"),
        "months": ("novembro", "dezembro", "abril", "março"),
    },
    "ja": {
        "heading": (
            "{product}のご紹介",
            "{product}が選ばれる理由",
            "新しい{product}が登場",
            "{colour}の限定モデル",
        ),
        "body": (
            "{product}はお部屋を豊かな音で満たし、主要な音楽サービスすべてに対応しています。",
            "{month}{day}日までのご注文で、{price}円のところ{price}円でお求めいただけます。",
            "すでに{count}人以上のお客様が毎日{product}をご愛用いただいています。",
            "これまでで最高のスピーカーです！",
            "{colour}の仕上げは、どのお部屋にも落ち着いたモダンな印象を与えます。",
            "今週だけ{pct}%オフ！！！在庫に限りがございます。",
            "${price}以上のご注文で送料無料、30日間の返金保証付きです。",
            "サポートチームが{count}分以内にご返信いたします。",
        ),
        "cta": ("今すぐ購入", "ご注文はこちら", "詳しく見る"),
        "colours": ("白", "黒", "赤", "緑", "金色"),
        "months": ("11月", "12月", "4月", "3月"),
    },
    "zh": {
        "heading": (
            "认识{product}",
            "为什么选择{product}",
            "全新{product}上市",
            "{colour}色特别版",
        ),
        "body": (
            "{product}让您的家充满美妙的声音，并支持所有主流音乐服务。",
            "{month}{day}日前下单，只需{price}元，原价{price}元。",
            "已有超过{count}位顾客每天都在使用{product}。",
            "这是最好的音箱，国家级品质，全网第一！",
            "选择{colour}色外观，为任何房间带来宁静而现代的感觉。",
            "本周限时优惠{pct}%！！！库存有限，欲购从速。",
            "订单满${price}即可免运费，并享受30天退款保证。",
            "我们的客服团队将在{count}分钟内回复您。",
        ),
        "cta": ("立即购买", "今天下单", "了解更多"),
        "colours": ("白", "黑", "红", "绿", "金"),
        "months": ("11月", "12月", "4月", "3月"),
    },
    "ar": {
        "heading": (
            "تعرّف على {product}",
            "لماذا {product}؟",
            "وصل {product} الجديد",
            "الإصدار {colour}",
        ),
        "body": (
            "يملأ {product} منزلك بالصوت ويعمل مع جميع خدمات الموسيقى الكبرى.",
            "اطلب قبل {day} {month} وادفع {price} ريال فقط بدلاً من {price} ريال.",
            "يثق أكثر من {count} عميل في {product} كل يوم.",
            "إنه أفضل مكبر صوت صنعناه على الإطلاق!",
            "اختر اللون {colour} لمظهر هادئ وعصري في أي غرفة.",
            "وفّر {pct}٪ هذا الأسبوع فقط!!! أسرع، الكمية محدودة.",
            "شحن مجاني للطلبات التي تزيد على ${price} مع ضمان استرداد لمدة 30 يومًا.",
            "يرد فريق الدعم خلال {count} دقيقة على مدار الساعة.",
        ),
        "cta": ("اشترِ الآن", "اطلب اليوم", "اعرف المزيد"),
        "colours": ("الأبيض", "الأسود", "الأحمر", "الأخضر", "الذهبي"),
        "months": ("نوفمبر", "ديسمبر", "أبريل", "مارس"),
    },
}

CSS_COLOURS = ("#ffffff", "#000000", "#d62828", "#2a9d8f", "#ffd700", "#1d3557")
# File extension of each optional localization format.
L10N_FORMATS = {"po": ".po", "xliff": ".xlf", "json": ".json", "fluent": ".ftl"}


@dataclass
class Corpus:
    root: Path
    files: list[Path] = field(default_factory=list)
    bytes: int = 0
    formats: tuple[str, ...] = ()

    def by_suffix(self, suffix: str, language: str | None = None) -> list[Path]:
        """Files with `suffix`, optionally only those of markets speaking `language`."""
        return [
            f
            for f in self.files
            if f.suffix == suffix and (language is None or MARKETS[f.parent.name] == language)
        ]

    def digest(self) -> str:
        """One hash of every file's name and bytes: equal digests, identical corpora."""
        h = hashlib.sha256()
        for f in sorted(self.files):
            h.update(f.relative_to(self.root).as_posix().encode())
            h.update(f.read_bytes())
        return h.hexdigest()


def available_formats() -> tuple[str, ...]:
    """The corpus formats culturelint can read right now: each format whose file, put
    where the corpus puts it (`<market>/<format>-00000.<ext>`), has a reader."""
    formats = ["markdown", "html", "text"]
    try:
        from culturelint.readers import reader_for
    except ImportError:
        return tuple(formats)
    for fmt, ext in L10N_FORMATS.items():
        if reader_for(f"de-DE/{fmt}-00000{ext}") is not None:
            formats.append(fmt)
    return tuple(formats)


class _Writer:
    """Composes copy for one language from its templates with a seeded generator."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.t = TEMPLATES[language]
        self.language = language

    def fill(self, template: str) -> str:
        r = self.rng
        price = f"{r.randint(9, 499)}.{r.choice(('00', '49', '99', '44'))}"
        if self.language in ("ja", "zh"):
            price = str(r.randint(980, 49800))
        elif self.language in ("de", "fr", "es", "pt"):
            price = price.replace(".", ",")
        return template.format(
            product=r.choice(PRODUCTS),
            price=price,
            count=r.choice((4, 8, 13, 44, 100, 1000, 4444, 25000)),
            pct=r.choice((10, 14, 20, 40, 44, 50)),
            colour=r.choice(self.t["colours"]),
            day=r.randint(1, 28),
            month=r.choice(self.t["months"]),
        )

    def heading(self) -> str:
        return self.fill(self.rng.choice(self.t["heading"]))

    def sentence(self) -> str:
        return self.fill(self.rng.choice(self.t["body"]))

    def paragraph(self) -> str:
        joiner = "" if self.language in ("ja", "zh") else " "
        return joiner.join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def cta(self) -> str:
        return self.rng.choice(self.t["cta"])


def _campaign(rng: random.Random) -> tuple[str, str]:
    month = rng.choice((1, 3, 4, 8, 11, 12))
    day = rng.randint(1, 20)
    return f"2026-{month:02d}-{day:02d}", f"2026-{month:02d}-{day + rng.randint(1, 7):02d}"


def markdown_file(rng: random.Random, market: str, sections: int) -> str:
    w = _Writer(rng, MARKETS[market])
    start, end = _campaign(rng)
    out = [f"---\nmarket: {market}\ncampaign: {{start: {start}, end: {end}}}\n---\n"]
    out.append(f"# {w.heading()}\n")
    for _ in range(sections):
        out.append(f"## {w.heading()}\n")
        out.append(w.paragraph() + "\n")
        if rng.random() < 0.4:
            out.append("".join(f"- {w.sentence()}\n" for _ in range(rng.randint(2, 4))))
        if rng.random() < 0.2:
            out.append(
                f"| {w.heading()} | {w.sentence()} |\n|---|---|\n| {w.cta()} | {w.sentence()} |\n"
            )
        if rng.random() < 0.3:
            out.append(f"![{w.heading()}](img/{rng.randint(1, 99)}.jpg)\n")
    out.append(f"[{w.cta()}](https://example.com/shop)\n")
    return "\n".join(out)


def html_file(rng: random.Random, market: str, sections: int) -> str:
    w = _Writer(rng, MARKETS[market])
    direction = ' dir="rtl"' if MARKETS[market] == "ar" else ""
    colours = rng.sample(CSS_COLOURS, 3)
    body = [f"<h1>{w.heading()}</h1>"]
    for _ in range(sections):
        body.append(f"<section><h2>{w.heading()}</h2>\n<p>{w.paragraph()}</p>")
        if rng.random() < 0.3:
            body.append(f'<img src="hero.jpg" alt="{w.heading()}">')
        body.append(f'<a class="cta" href="/buy">{w.cta()}</a></section>')
    return (
        f'<!doctype html>\n<html lang="{market}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{w.heading()}</title>\n"
        f'<meta name="description" content="{w.sentence()}">\n'
        f"<style>\nbody {{ background-color: {colours[0]}; color: {colours[1]}; }}\n"
        f".cta {{ background: {colours[2]}; }}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f'\n<footer><p>{w.sentence()}</p><a href="/contact">{w.cta()}</a></footer>\n'
        "</body>\n</html>\n"
    )


def text_file(rng: random.Random, market: str, sections: int) -> str:
    w = _Writer(rng, MARKETS[market])
    return "\n\n".join(w.paragraph() for _ in range(sections)) + "\n"


def po_file(rng: random.Random, market: str, sections: int) -> str:
    w_src = _Writer(rng, "en")
    w = _Writer(rng, MARKETS[market])
    out = [
        f'msgid ""\nmsgstr ""\n"Language: {market.replace("-", "_")}\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    ]
    for i in range(sections * 3):
        out.append(
            # The sentences repeat: a context per entry keeps each message unique, as
            # gettext requires (msgfmt refuses a duplicate message definition).
            f'#: page.html:{i}\nmsgctxt "page.html:{i}"\n'
            f"msgid {json.dumps(w_src.sentence(), ensure_ascii=False)}\n"
            f"msgstr {json.dumps(w.sentence(), ensure_ascii=False)}\n"
        )
    return "\n".join(out)


def xliff_file(rng: random.Random, market: str, sections: int) -> str:
    from xml.sax.saxutils import escape

    w_src = _Writer(rng, "en")
    w = _Writer(rng, MARKETS[market])
    units = "".join(
        f'<trans-unit id="u{i}"><source>{escape(w_src.sentence())}</source>'
        f"<target>{escape(w.sentence())}</target></trans-unit>\n"
        for i in range(sections * 3)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file source-language="en-US" target-language="{market}" datatype="plaintext" '
        f'original="page"><body>\n{units}</body></file>\n</xliff>\n'
    )


def json_file(rng: random.Random, market: str, sections: int) -> str:
    w = _Writer(rng, MARKETS[market])
    data = {
        f"section{i}": {"title": w.heading(), "body": w.sentence(), "cta": w.cta()}
        for i in range(sections * 2)
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def fluent_file(rng: random.Random, market: str, sections: int) -> str:
    w = _Writer(rng, MARKETS[market])
    return "".join(
        f"section-{i}-title = {w.heading()}\nsection-{i}-body = {w.sentence()}\n"
        for i in range(sections * 2)
    )


# Format -> (extension, composer, share of the corpus by file count).
FORMATS = {
    "markdown": (".md", markdown_file, 5),
    "html": (".html", html_file, 3),
    "text": (".txt", text_file, 2),
    "po": (".po", po_file, 1),
    "xliff": (".xlf", xliff_file, 1),
    "json": (".json", json_file, 1),
    "fluent": (".ftl", fluent_file, 1),
}


def generate(
    root: Path,
    size_mb: float,
    seed: int = 20260101,
    formats: tuple[str, ...] | None = None,
) -> Corpus:
    """Write files under `root/<market>/` until they add up to `size_mb` megabytes.

    Sizes vary between about 1 and 12 KB a file, as landing pages and articles do.
    """
    formats = formats or available_formats()
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root=root, formats=formats)
    weighted = [fmt for fmt in formats for _ in range(FORMATS[fmt][2])]
    markets = list(MARKETS)
    target = int(size_mb * 1_000_000)
    n = 0
    while corpus.bytes < target:
        market = markets[n % len(markets)]
        fmt = rng.choice(weighted)
        ext, compose, _share = FORMATS[fmt]
        text = compose(rng, market, rng.randint(1, 12))
        path = root / market / f"{fmt}-{n:05d}{ext}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        corpus.files.append(path)
        corpus.bytes += path.stat().st_size
        n += 1
    return corpus


def edit_sentence(market: str, number: int) -> str:
    """A sentence in the market's language, a different one for each `number`: what a
    copywriter adds between two commits."""
    return _Writer(random.Random(number), MARKETS[market]).sentence()


# English a German or Japanese page keeps by mistake (CL103 reports it).
ENGLISH_LEFT_IN = "Learn more about our speakers and shop the whole collection today."


def small_markdown(root: Path, market: str = "en-US", seed: int = 7) -> Path:
    """One small Markdown file (about 1 KB), as a pre-commit hook sees it."""
    path = root / market / "commit.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown_file(random.Random(seed), market, 2), encoding="utf-8")
    return path
