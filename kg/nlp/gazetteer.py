"""Capitalised words that are never the name of an ML artefact: places, human languages and
peoples, English function words, the stock people of protocols (Alice and Bob), and the
words of organisations and meetings.

Discovery (:mod:`kg.nlp.discovery`) treats a capitalised word as a candidate name when the
text cues it: it recurs, a type noun follows it, or it sits in a list beside a name. Real
abstracts, and text scraped with them, are full of capitalised words those cues also fit:
affiliations ("Pittsburgh, PA"), languages studied ("tweets in Catalan"), headings run into
the first sentence ("PADDING While useful ...") and questions ("Who, What, When, Where").
The sets here are facts about English and the world, not about any corpus.

Examples
--------
>>> is_never_a_name("Catalan"), is_never_a_name("Tokyo"), is_never_a_name("Whether")
(True, True, True)
>>> is_never_a_name("Scylla")
False
>>> is_place_phrase("Hong Kong"), is_place_phrase("Penn Treebank")
(True, False)
"""

from __future__ import annotations

import re

__all__ = [
    "FUNCTION_WORDS",
    "LANGUAGES",
    "LANGUAGE_CODES",
    "ORGANISATION_WORDS",
    "PLACEHOLDER_PEOPLE",
    "PLACES",
    "PLACE_PHRASES",
    "is_never_a_name",
    "is_organisation_name",
    "is_place_phrase",
    "words_of",
]


def words_of(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: long word lists stay readable."""
    return frozenset(text.split())


#: Pronouns, question words, modal verbs, conjunctions and discourse words, capitalised at a
#: heading's end, in a question list or opening a quoted question ("Can machines think?").
FUNCTION_WORDS = words_of(
    """
    He She It They Them Their His Her Its You Your Us Me My Mine Ours Theirs This That These
    Those Who Whom Whose What When Where Why How Which Whether Whereas While Although Though
    Because Since Unless Until Besides Despite Instead Meanwhile Nevertheless Nonetheless
    Otherwise Therefore Yet Also Here There Then Now Do Does Did Is Are Was Were Be Been Not
    No Yes All Any Each Every Some Many Most Few Several Both Either Neither If Else So As At
    By For From In Into Of On Onto Over Under With Without Within Via Per And Or But Nor
    Can Could Should Would Will Shall Might Must Le La Les Il Der Die Das Und
    """
)

#: The stock characters of protocols and thought experiments ("Alice sends Bob a message").
PLACEHOLDER_PEOPLE = words_of("Alice Bob Carol Charlie Dave Eve Mallory Trent Peggy Victor")

#: The kinds of article a journal capitalises when the text speaks of itself ("In this
#: Perspective, we propose", "This Letter shows"): alone, the paper, never one of its entities
#: (in a longer name they may stand: "Review Networks").
ARTICLE_KINDS = words_of(
    """
    Perspective Perspectives Review Letter Commentary Tutorial Editorial Survey Primer Viewpoint
    Correspondence Erratum Corrigendum Chapter Thesis Dissertation
    """
)

#: Programming languages, which code papers name beside their models but which are no ML
#: entities ("pretraining on Rust and Zig"); Go stays out (the game is a task). Markup
#: languages and text encodings ("Unicode block information") are none either.
PROGRAMMING_LANGUAGES = words_of(
    """
    Python Java JavaScript TypeScript Rust Zig Haskell Kotlin Scala Julia Ruby Perl PHP Swift
    Fortran COBOL Lua Dart Elixir Erlang OCaml Clojure Verilog VHDL Solidity Bash
    Markdown LaTeX Prolog Lisp Datalog MATLAB Isabelle Unicode ASCII
    """
)

#: The parts a system's components or a game's players play, capitalised as roles ("Speaker and
#: Listener agents", "the Critic network", "a lightweight Policy module"): alone, they name no
#: artefact.
ROLE_WORDS = words_of(
    """
    Speaker Listener Teacher Student Actor Critic Generator Discriminator Planner Verifier Solver
    Proposer Reviewer Attacker Defender Worker Manager Leader Follower Sender Receiver Learner
    Adversary Challenger Player Opponent Observer Explorer Navigator Instructor Executor
    Policy Module Encoder Decoder Router Controller Retriever Reranker Tokenizer Backbone
    Engineer Architect Programmer Tester Coder Analyst Designer Judge Thinker Talker
    """
)

#: Words that make a phrase the name of an organisation or a meeting, not of an ML artefact:
#: "International Conference on Image Processing (ICIP)", "Allen Institute for AI (AI2)".
ORGANISATION_WORDS = words_of(
    """
    Conference Workshop Symposium Proceedings University Institute College Department
    Foundation Association Society Academy Agency Council Ministry Corporation Company
    Laboratory Laboratories Inc Ltd Hospital Universität Université Consortium
    Universidad Universidade Università Universiteit Universitat Instituto Istituto Institut
    Politecnico Politécnica Hochschule École
    """
)

#: Human languages, scripts, peoples and nationalities (the adjective and the language
#: are one word in English: "Danish", "Greek").
LANGUAGES = words_of(
    """
    Kinyarwanda Kirundi Shona Fijian Wolof Luganda Twi Ewe Lingala
    Tahitian Bislama Malagasy Oromo Sesotho Setswana Bambara Chichewa Tsonga Sepedi Fulfulde Kikuyu
    Tshivenda Venda Xitsonga Ndebele Swati Siswati Sotho
    English Chinese Mandarin Cantonese French German Spanish Japanese Korean Arabic Hindi
    Russian Italian Portuguese Dutch Flemish Danish Swedish Norwegian Finnish Icelandic
    Estonian Latvian Lithuanian Polish Czech Slovak Slovene Slovenian Croatian Serbian
    Bosnian Bulgarian Macedonian Romanian Hungarian Greek Turkish Persian Farsi Kurdish Urdu
    Bengali Bangla Punjabi Gujarati Marathi Tamil Telugu Kannada Malayalam Sinhala Nepali
    Sanskrit Pali Tibetan Burmese Thai Lao Khmer Vietnamese Indonesian Malay Tagalog
    Filipino Javanese Sundanese Hebrew Yiddish Aramaic Amharic Tigrinya Somali Swahili
    Yoruba Igbo Hausa Zulu Xhosa Afrikaans Catalan Basque Galician Welsh Irish Gaelic
    Breton Cornish Maltese Albanian Armenian Georgian Azerbaijani Kazakh Uzbek Kyrgyz
    Tajik Turkmen Mongolian Uyghur Pashto Dari Latin Esperanto Ukrainian Belarusian
    Hawaiian Maori Samoan Tongan Quechua Aymara Guarani Nahuatl Cherokee Navajo Inuktitut
    Hinglish Catalonian Bolivian Peruvian Chilean Argentinian Argentine Brazilian Mexican
    Canadian Australian Indian Pakistani Iranian Iraqi Egyptian Moroccan Algerian Tunisian
    Nigerian Kenyan Ethiopian Ghanaian Israeli Saudi Emirati Qatari Syrian Lebanese
    Jordanian Afghan British Scottish Irish Swiss Austrian Belgian Taiwanese Singaporean
    Cyrillic Devanagari Hangul Kana Kanji Hiragana Katakana Ethiopic Geez Cuneiform Runic Glagolitic
    Brahmi Kharosthi Syriac Coptic Gurmukhi Odia Oriya Assamese Sindhi Hanzi Hanja Romaji Pinyin
    Indic Santali Maithili Bhojpuri Konkani Dogri Manipuri Meitei Bodo Kashmiri Ol Chiki Tulu
    """
)

#: Countries, continents, world regions, US states and large cities: affiliations and
#: study settings name them.
PLACES = words_of(
    """
    Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan
    Bolivia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile
    China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica
    Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia
    Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland
    India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
    Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya
    Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta
    Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco
    Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman
    Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain
    Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga
    Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Vatican
    Venezuela Vietnam Yemen Zambia Zimbabwe Scotland Wales England Britain Catalonia
    Bavaria Quebec Ontario Europe Asia Africa Antarctica Oceania America Americas Eurasia
    Scandinavia Balkans Mesopotamia Caribbean Pacific Atlantic Mediterranean Arctic Earth Mars
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
    London Paris Berlin Munich Hamburg Vienna Zurich Geneva Amsterdam Rotterdam Brussels
    Madrid Barcelona Lisbon Rome Milan Turin Prague Warsaw Budapest Stockholm Oslo Helsinki
    Copenhagen Dublin Edinburgh Oxford Cambridge Manchester Bristol Moscow Tokyo
    Kyoto Osaka Seoul Beijing Shanghai Shenzhen Hangzhou Nanjing Wuhan Guangzhou Taipei
    Singapore Bangalore Bengaluru Mumbai Delhi Hyderabad Chennai Kolkata Sydney Melbourne
    Brisbane Auckland Toronto Montreal Vancouver Boston Chicago Seattle Pittsburgh
    Philadelphia Atlanta Austin Houston Dallas Denver Baltimore Berkeley Stanford Princeton
    Evanston Charlottesville Ithaca Haifa Jerusalem Dubai Cairo Nairobi Lagos
    """
)

#: Places of two or more words, for Title Case phrases.
PLACE_PHRASES = frozenset(
    [
        "United States",
        "United Kingdom",
        "United Arab Emirates",
        "New York",
        "New Jersey",
        "New Mexico",
        "New Hampshire",
        "New Zealand",
        "North Carolina",
        "South Carolina",
        "North Dakota",
        "South Dakota",
        "West Virginia",
        "Rhode Island",
        "South Africa",
        "South Korea",
        "North Korea",
        "Hong Kong",
        "Sri Lanka",
        "Saudi Arabia",
        "Costa Rica",
        "Puerto Rico",
        "El Salvador",
        "Los Angeles",
        "San Francisco",
        "San Diego",
        "San Jose",
        "Santa Barbara",
        "Santa Cruz",
        "Palo Alto",
        "Mountain View",
        "Menlo Park",
        "Silicon Valley",
        "Tel Aviv",
        "Abu Dhabi",
        "Middle East",
        "Latin America",
        "South America",
        "North America",
        "Central America",
        "East Asia",
        "South Asia",
        "Southeast Asia",
        "Sub-Saharan Africa",
    ]
)


#: two-letter codes of the languages machine translation test sets pair ("En-De", "ZH-EN")
LANGUAGE_CODES = words_of(
    "en de fr ro zh ja ru cs fi lt lv tr et kk gu vi es it pt ko ar hi ne si km ps pl ta iu uk he"
)


def is_never_a_name(word: str) -> bool:
    """Whether the capitalised ``word`` is a place, a language or people, a role or a function word.

    A plural or possessive ending is ignored ("Germany's" is a place), and a pair of languages
    is no name either.

    >>> words = ("Germany's", "English-Spanish", "English-to-German", "De-En", "Zorb-English", "Zorb")
    >>> [is_never_a_name(w) for w in words]
    [True, True, True, True, False, False]
    >>> [is_never_a_name(w) for w in ("ChineseEnglish", "Spanish-toEnglish", "EnglishNet", "HiPT")]
    [True, True, False, False]
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if "-" in word and all(
        part in LANGUAGES or part in ("to", "into") or (len(part) == 2 and part.lower() in LANGUAGE_CODES)
        for part in word.split("-")
    ):
        return True  # a language pair or a direction: "English-Spanish", "English-to-German", "De-En"
    glued = _GLUED_WORDS.search(word) is not None
    parts = [piece for part in word.split("-") for piece in _GLUED_WORDS.split(part)] if glued else []
    if len(parts) > 1 and all(part in LANGUAGES or part in ("to", "into") for part in parts):
        # ... and one glued by a lost space: "ChineseEnglish", "Spanish-toEnglish" (not two codes:
        # "HiPT" is a method)
        return True
    return (
        word in FUNCTION_WORDS
        or word in LANGUAGES
        or word in PLACES
        or word in PLACEHOLDER_PEOPLE
        or word in ROLE_WORDS
        or word in PROGRAMMING_LANGUAGES
    )


#: where two words were glued together: a capital right after a lower-case letter
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")


#: Organisation words that no method or dataset name holds anywhere in it.
_MEETINGS_AND_SCHOOLS = words_of(
    "Conference Workshop Symposium Proceedings Journal Transactions University Institute"
    " Universidad Universidade Università Universiteit Universitat Instituto Istituto"
)


def is_organisation_name(phrase: str) -> bool:
    """Whether ``phrase`` names an organisation or a meeting: it opens or ends with a word of
    :data:`ORGANISATION_WORDS`, or holds one of a conference, workshop or university anywhere.

    >>> is_organisation_name("International Conference on Image Processing")
    True
    >>> is_organisation_name("Association for Computational Linguistics")
    True
    >>> is_organisation_name("Symbol-Concept Association Network")
    False
    >>> is_organisation_name("Universidad Nacional de Córdoba"), is_organisation_name("Politecnico di Milano")
    (True, True)
    """
    words = [word.strip(".,") for word in phrase.split()]
    if not words:
        return False
    return (
        words[0] in ORGANISATION_WORDS
        or words[-1] in ORGANISATION_WORDS
        or any(word in _MEETINGS_AND_SCHOOLS for word in words)
    )


def is_place_phrase(phrase: str) -> bool:
    """Whether ``phrase`` (words separated by single spaces) names a place of several words."""
    return phrase in PLACE_PHRASES
