"""What is written on a form encodes exactly its truth value (A-numbers, dates), and the
spec honours pinned choices."""
import random
import re

from samples.generator import people
from samples.generator.spec import sample

MONTHS = {m.lower(): i + 1 for lang in people.MONTHS.values() for i, m in enumerate(lang)}


def _digits_to_a(text: str) -> str:
    d = re.sub(r"\D", "", text)
    return "A" + d.zfill(9)


def test_written_a_numbers_normalise_to_truth():
    rng = random.Random(0)
    styles = set()
    for i in range(400):
        truth = people.new_a_number(rng, eight_digit=i % 3 == 0)
        w = people.write_a_number(rng, truth)
        styles.add(re.sub(r"\d", "9", w))
        assert _digits_to_a(w) == truth, (w, truth)
    assert len(styles) >= 8


def _parse(text: str, day_first: bool) -> tuple[int, int, int]:
    nums = [int(x) for x in re.findall(r"\d+", text)]
    for name, m in MONTHS.items():
        if re.search(rf"\b{name[:3]}", text.lower()):
            d, y = nums[0], nums[1]
            return y, m, d
    a, b, y = nums
    y = y + 2000 if y < 100 else y
    return (y, b, a) if day_first else (y, a, b)


def test_written_dates_encode_truth_including_impossible_ones():
    rng = random.Random(1)
    for i in range(300):
        day_first = i % 2 == 0
        lang = "eng" if not day_first else rng.choice(["spa", "por"])
        if i % 5 == 0:
            y, m, d = people.impossible_date(rng)
            assert not people.is_valid(y, m, d)
        else:
            dd = people.signing_date(rng)
            y, m, d = dd.year, dd.month, dd.day
        w = people.write_date(rng, y, m, d, day_first, lang)
        assert _parse(w, day_first) == (y, m, d), w


def test_pinned_choices_are_honoured():
    s = sample(5, lang_mode="spa", intent="multiple_marked", supervisor=True, blank=("child_names",),
               impossible_date=True)
    assert s.truth["form_languages"] == ["spa"]
    assert s.truth["election"] == "multiple_marked" and len(s.marked) >= 2
    assert s.truth["child_names"] == []
    assert s.truth["supervisor_signed"] is not None
    assert not people.is_valid(*map(int, s.truth["date_signed"].split("-")))


def test_upper_case_forms_write_names_upper():
    for seed in range(200):
        s = sample(seed)
        if s.upper and s.truth["parent_name"]:
            assert s.truth["parent_name"] == s.truth["parent_name"].upper()
            break
    else:
        raise AssertionError("no upper-case form in 200 seeds")
