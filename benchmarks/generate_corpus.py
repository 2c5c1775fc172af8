"""A synthetic corpus of Arabic conflict reports for the rasd benchmark.

Reports are assembled from paragraph templates written for this benchmark (not copied from any source),
with actors, places, numbers, dates and sources drawn by a seeded random generator: the same seed gives the
same corpus, byte for byte. Each report is about `--kb` kilobytes of UTF-8 (4 by default).

    python benchmarks/generate_corpus.py --n 5000 --out benchmarks/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Theatre:
    country: str
    places: tuple[str, ...]
    sides: tuple[tuple[str, str], ...]  # pairs of opposing forces, as the press names them
    officials: tuple[str, ...]


THEATRES: tuple[Theatre, ...] = (
    Theatre("ليبيا", ("طرابلس", "مصراتة", "سرت", "بنغازي", "غريان", "ترهونة", "الزاوية", "صبراتة", "سبها"),
            (("قوات حفتر", "قوات حكومة الوفاق"), ("الجيش الوطني الليبي", "قوات بركان الغضب"),
             ("قوات القيادة العامة", "كتائب مصراتة")),
            ("رئيس المجلس الرئاسي", "وزير الداخلية", "المتحدث باسم الجيش")),
    Theatre("سوريا", ("إدلب", "حلب", "حماة", "دير الزور", "درعا", "الرقة", "معرة النعمان", "سراقب"),
            (("قوات النظام السوري", "فصائل المعارضة"), ("الجيش السوري", "هيئة تحرير الشام"),
             ("قوات سوريا الديمقراطية", "تنظيم الدولة")),
            ("وزير الخارجية", "محافظ المدينة", "قائد الشرطة")),
    Theatre("اليمن", ("صنعاء", "عدن", "تعز", "الحديدة", "مأرب", "صعدة", "الضالع", "لحج"),
            (("جماعة الحوثي", "القوات الحكومية"), ("قوات التحالف", "الحوثيين"),
             ("قوات المجلس الانتقالي الجنوبي", "قوات الحكومة الشرعية")),
            ("رئيس الوزراء", "محافظ مأرب", "وزير الإعلام")),
    Theatre("السودان", ("الخرطوم", "أم درمان", "الفاشر", "نيالا", "الجنينة", "ود مدني", "الأبيض", "كادقلي"),
            (("قوات الدعم السريع", "الجيش السوداني"), ("الجيش السوداني", "الحركة الشعبية"),),
            ("والي الولاية", "قائد الجيش", "وزير الصحة")),
    Theatre("العراق", ("الموصل", "كركوك", "بغداد", "الفلوجة", "الرمادي", "تكريت", "سامراء", "ديالى"),
            (("القوات العراقية", "تنظيم الدولة"), ("قوات الحشد الشعبي", "مسلحين مجهولين"),),
            ("رئيس الوزراء العراقي", "قائد العمليات", "محافظ نينوى")),
)

WEEKDAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
          "ديسمبر")
SOURCES = ("مصادر طبية", "مصادر محلية", "شهود عيان", "مصدر عسكري", "ناشطون محليون", "وزارة الصحة",
           "مسؤول في الهلال الأحمر", "منظمة إغاثية")
NUMBER_WORDS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
QUALIFIERS = ("", "نحو ", "قرابة ", "أكثر من ", "ما لا يقل عن ", "حوالي ")
WEAPONS = ("غارات جوية", "قصف مدفعي", "قذائف هاون", "طائرة مسيرة", "صواريخ غراد", "عبوة ناسفة", "سيارة مفخخة")
VICTIMS = ("مدنيين", "أشخاص", "مقاتلين", "عناصر من الشرطة", "جنود")
ORGS = ("الأمم المتحدة", "الاتحاد الأوروبي", "جامعة الدول العربية", "منظمة الصحة العالمية", "الاتحاد الأفريقي")
LEADERS = ("المستشارة الألمانية", "الرئيس الفرنسي", "رئيس الوزراء الإيطالي", "وزير الخارجية الأمريكي",
           "المبعوث الأممي")


def _num(rng: random.Random, lo: int, hi: int) -> str:
    n = rng.randint(lo, hi)
    if n in NUMBER_WORDS and rng.random() < 0.3:
        return NUMBER_WORDS[n]
    if rng.random() < 0.15:
        return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return str(n)


def _paragraph(rng: random.Random, t: Theatre, a: str, b: str, place: str) -> str:
    other = rng.choice([p for p in t.places if p != place])
    day = rng.choice(WEEKDAYS)
    src = rng.choice(SOURCES)
    q = rng.choice(QUALIFIERS)
    k = rng.randrange(12)
    if k == 0:
        return (f"قالت {src} إن {q}{_num(rng, 2, 60)} {rng.choice(VICTIMS)} قتلوا وأصيب {_num(rng, 3, 120)} آخرون "
                f"في {rng.choice(WEAPONS)} استهدف أحياء سكنية في مدينة {place} يوم {day}، مشيرة إلى أن بين "
                f"القتلى {_num(rng, 2, 9)} أطفال و{_num(rng, 2, 6)} نساء.")
    if k == 1:
        return (f"واندلعت اشتباكات عنيفة بين {a} و{b} في محيط {place} منذ فجر {day}، واستخدم الطرفان "
                f"الأسلحة الثقيلة، فيما أفاد {src} بأن المعارك امتدت إلى الطريق الرابط بين {place} و{other}.")
    if k == 2:
        return (f"وارتفعت حصيلة القتلى منذ بدء الهجوم على {place} إلى {q}{_num(rng, 100, 2500)} قتيل، "
                f"بينهم {_num(rng, 20, 300)} مدنيا، كما بلغ عدد الجرحى {_num(rng, 200, 5000)} جريح، "
                f"بحسب آخر إحصائية نشرتها {rng.choice(('وزارة الصحة', 'منظمة الصحة العالمية'))}.")
    if k == 3:
        return (f"وأعلنت {rng.choice(ORGS)} أن {q}{_num(rng, 1, 90)} ألف شخص نزحوا من منازلهم في {place} "
                f"و{other} خلال الأسابيع الماضية، ولجأ كثير منهم إلى مدارس ومخيمات مؤقتة تفتقر إلى الماء "
                f"والدواء.")
    if k == 4:
        return (f"وطالب {rng.choice(LEADERS)} بوقف فوري لإطلاق النار في {t.country}، ودعا جميع الأطراف إلى "
                f"العودة إلى طاولة المفاوضات وحماية المدنيين وفتح ممرات آمنة لإيصال المساعدات الإنسانية.")
    if k == 5:
        return (f"والتقى {rng.choice(t.officials)} يوم {day} في {other} وفدا من {rng.choice(ORGS)}، وبحث "
                f"الجانبان سبل تثبيت الهدنة وتبادل الأسرى، على أن يتوجه الوفد لاحقا إلى {place}.")
    if k == 6:
        return (f"ونفى المتحدث باسم {b} أن تكون قواته قد انسحبت من مواقعها في {place}، مؤكدا أنها صدت "
                f"هجوما شنته {a} وكبدتها خسائر فادحة في الأرواح والعتاد.")
    if k == 7:
        return (f"وأكدت {src} أن {a} سيطرت على بلدة قريبة من {place} بعد معارك استمرت {_num(rng, 2, 9)} أيام، "
                f"وهو ما لم تؤكده {b} التي قالت إن المعارك ما زالت مستمرة.")
    if k == 8:
        return (f"وفي {other}، قتل {_num(rng, 2, 15)} أشخاص وأصيب {_num(rng, 3, 40)} آخرون في انفجار "
                f"{rng.choice(('عبوة ناسفة', 'سيارة مفخخة'))} قرب سوق شعبي مساء {day}، ولم تتبن أي جهة "
                f"المسؤولية عن التفجير حتى الآن.")
    if k == 9:
        return (f"وتظاهر {rng.choice(('مئات', 'عشرات', 'آلاف'))} من سكان {other} احتجاجا على تدهور الأوضاع "
                f"المعيشية وانقطاع الكهرباء، ورفع المحتجون شعارات تطالب بإنهاء الحرب ومحاسبة المسؤولين.")
    if k == 10:
        d = rng.randint(1, 28)
        return (f"وكانت {a} قد أطلقت في {d} {rng.choice(MONTHS)} الماضي عملية عسكرية واسعة للسيطرة على "
                f"{place}، غير أنها لم تتمكن حتى الآن من دخول المدينة بسبب المقاومة التي تبديها {b}.")
    return (f"واعتقلت {rng.choice((a, b))} {q}{_num(rng, 3, 80)} شخصا خلال حملة مداهمات في أحياء {place}، "
            f"بحسب {src}، فيما أفادت تقارير عن اختطاف {_num(rng, 2, 12)} صحفيين في {other}.")


def make_article(rng: random.Random, target_bytes: int) -> tuple[str, str]:
    """(title, text) of about `target_bytes` UTF-8 bytes: a headline, then paragraphs until the size is reached."""
    t = rng.choice(THEATRES)
    a, b = rng.choice(t.sides)
    if rng.random() < 0.5:
        a, b = b, a
    place = rng.choice(t.places)
    title = f"{t.country}: {rng.choice(('معارك', 'قتلى', 'قصف', 'نزوح', 'توتر'))} في {place}"
    parts = [title]
    size = len(title.encode("utf-8"))
    while size < target_bytes:
        p = _paragraph(rng, t, a, b, place)
        parts.append(p)
        size += len(p.encode("utf-8")) + 1
    return title, "\n".join(parts)


def generate(n: int, seed: int = 20240501, kb: float = 4.0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = datetime.date(2019, 1, 1)
    rows = []
    for i in range(n):
        _, text = make_article(rng, int(kb * 1024))
        published = (start + datetime.timedelta(days=rng.randrange(1800))).isoformat()
        rows.append({"id": f"syn-{i:06d}", "source": f"synthetic/{i % 7}", "published": published, "text": text})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="number of reports (default 5000)")
    ap.add_argument("--kb", type=float, default=4.0, help="approximate size of a report in KB (default 4)")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/corpus.jsonl"))
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in generate(args.n, args.seed, args.kb):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.n} reports → {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
