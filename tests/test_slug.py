"""File names from titles."""

from guide.slug import chapter_stem, slugify, unique_slugs


def test_slugify_plain_titles():
    assert slugify("Treatment in Subsequent Pregnancies") == "treatment-in-subsequent-pregnancies"
    assert slugify("Your next pregnancy: care & cerclage") == "your-next-pregnancy-care-cerclage"
    assert slugify("Café – naïve") == "cafe-naive"


def test_slugify_unsafe_titles_stay_inside_the_folder():
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") == "con-chapter"
    assert slugify("lpt1") == "lpt1-chapter"
    assert slugify("???") == "chapter"
    assert slugify("日本語") == "chapter"
    long = slugify("word " * 300)
    assert len(long) <= 48 and not long.endswith("-")


def test_unique_slugs_number_repeats():
    assert unique_slugs(["Signs", "Signs", "signs!"]) == ["signs", "signs-2", "signs-3"]


def test_chapter_stem_is_zero_padded():
    assert chapter_stem(3, "Signs") == "03-signs"
    assert chapter_stem(3, "Signs", width=3) == "003-signs"
