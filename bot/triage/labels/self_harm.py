"""Self-harm: a person at risk outranks everything else in the message, so it is checked first."""
from __future__ import annotations

from bot.triage.regex import alt
from bot.triage.rule import Label, Rule

_RULES = (
    Rule(
        "self_harm:en",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "kill(?:ing)? myself",
                "end(?:ing)? (?:my (?:own )?life|it all)",
                "take my (?:own )?life",
                r"suicid\w*",
                "(?:want|wanna) to die",
                "wish i (?:was|were) dead",
                "better off dead",
                "(?:hurt|harm|cut)(?:ing)? myself",
                "self harm",
                "no reason to (?:live|go on)",
                "(?:do|does) not want to (?:live|be alive|exist) anymore",
                "can not go on (?:living|anymore)",
                r"overdos\w*",
            ) + r"\b",
        ),
        examples=(
            "I don't want to be alive anymore",
            "I feel like killing myself today",
        ),
        counter_examples=(
            "I do not want to speak to anyone, what is the return window?",
        ),
    ),
    Rule(
        "self_harm:es",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                r"suicid\w*",
                "quitarme la vida",
                "matarme",
                "me quiero morir",
                "quiero morirme",
                "no quiero (?:seguir )?vivir",
                "hacerme dano",
            ) + r"\b",
        ),
        examples=(
            "ya no quiero vivir",
        ),
        counter_examples=(
            "No quiero hablar con un agente, solo dime el precio",
        ),
    ),
    Rule(
        "self_harm:fr",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "me suicider",
                r"suicid\w*",
                "me tuer",
                "en finir avec (?:la|ma) vie",
                "envie de mourir",
                "veux mourir",
                "me faire du mal",
            ) + r"\b",
        ),
        examples=(
            "je n'en peux plus, j'ai envie de mourir",
        ),
        counter_examples=(
            "Je ne veux pas parler à un conseiller, merci",
        ),
    ),
    Rule(
        "self_harm:de",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "mich umbringen",
                "selbstmord",
                r"suizid\w*",
                "nicht mehr leben",
                "sterben will",
                "mir (?:etwas|was) antun",
                "mich verletzen",
            ) + r"\b",
        ),
        examples=(
            "ich will nicht mehr leben",
        ),
        counter_examples=(
            "Kann ich meinem Kollegen Zugriff geben?",
        ),
    ),
    Rule(
        "self_harm:pt",
        confidence=0.95,
        patterns=(
            r"\b" + alt(
                "me matar",
                r"suicid\w*",
                "tirar (?:a )?minha (?:propria )?vida",
                "quero morrer",
                "nao quero mais viver",
                "me machucar",
            ) + r"\b",
        ),
        examples=(
            "às vezes penso em me matar",
        ),
        counter_examples=(
            "I bought gems and the charge shows as pending, will they arrive when it clears?",
        ),
    ),
)

SELF_HARM = Label(
    "self_harm",
    rules=_RULES,
)
