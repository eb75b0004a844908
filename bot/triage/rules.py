"""Hand-written lexicons and phrase patterns for triage, over `triage_text.normalize` output.

Patterns are grouped by label; each has a name (shown as evidence) and a confidence. Word windows
are written as `word_gap(n)` (up to n words) and never cross a " . " clause marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    confidence: float
    needs: tuple[str, ...] = ()  # substrings one of which the text must hold for the pattern to be tried


# Cheap pre-checks for the slowest patterns: a rule whose every alternative contains one of these
# substrings is skipped when the normalised text holds none of them (triage stays under 1 ms a message).
RULE_NEEDS: dict[str, tuple[str, ...]] = {
    "customer_request:have_them_call": (" me ", " us "),
    "customer_request:someone_who_can": (" who ", " that "),
    "customer_request:than_a_bot": (" than ", " not "),
    "billing_dispute:refund_missing": ("refund", "reimburs", "money back", "deposit", "credit"),
    "billing_dispute:mismatch": ("instead of", "match", "add up", "tally", "correspond", "agree", "charged", "billed", "debited",
                                 "paid", "took", "taken", "deducted", "withdr"),
    "billing_dispute:not_given_back": ("returned", "canceled", "sent back", "refund", "cancellation", "approved", "back", "reversed",
                                       "reimbursed", "compensated", "credited", "waived", "removed", "taken off", "dropped",
                                       "written off", "charge", "billed", "took", "debited", "deducted", "take", "collected",
                                       "fee", "penalty"),
    "customer_request:who_to_ask": ("who",),
    "customer_request:call_back": ("call", "ring", "phone", "contact", "email", "transfer", "connect", "escalate"),
    "complaint:treatment": ("treat", "rude", "disrespect", "condescend", "aggressive", "hostile", "dismissive", "abusive",
                            "unprofessional", "insulting", "patroni", "racist", "sexist", "arrogant"),
    "complaint:lasting_frustration": ("useless", "pathetic", "ridiculous", "unacceptable", "joke", "disgrace", "fed up", "sick of",
                                      "tired of", "appalling", "shocking", "incompetent", "hopeless", "rubbish", "nonsense",
                                      "template", "copy paste", "same "),
}


def word_gap(n: int) -> str:
    """Up to `n` words; a gap never crosses a " . " clause marker."""
    return rf"(?: [a-z0-9]+){{0,{n}}}"


def make_rules(label: str, specs: list[tuple[str, str, float]]) -> list[Rule]:
    """Compile (name, regex, confidence) specs into rules named `label:name`."""
    return [Rule(f"{label}:{name}", re.compile(rx), conf, RULE_NEEDS.get(f"{label}:{name}", ())) for name, rx, conf in specs]


# --- a person, please ----------------------------------------------------------------------------
_QUAL = r"(?:real|live|actual|human|proper|qualified|competent|(?:customer )?(?:service|support|care)|sales|account|billing|call cent(?:er|re)|help ?desk|senior|technical|tech|english speaking) "
_NOT_AGENT = r"(?<!travel )(?<!estate )(?<!secret )(?<!insurance )(?<!shipping )(?<!booking )(?<!user )(?<!free )(?<!password )(?<!file )"
_STRONG_EN = (
    rf"(?:{_QUAL}){{0,2}}{_NOT_AGENT}(?:human(?: being| help| assistance| support| contact| interaction)?s?(?! (?:signature|error|rights|resources|readable|body|nature|verification|check))|(?<!in )(?<!per )person"
    r"|(?:real|live|actual) people|agents?|representatives?|operators?|advis[eo]rs?|consultants?|specialists?|associates?|attendants?"
    r"|staff(?: member)?|employees?|managers?|supervisors?|team members?|members? of (?:your |the )?(?:team|staff)|colleagues? of yours"
    r"|customer (?:service|support|care)(?: team| department| desk)?|support (?:team|staff|department|desk)"
    r"|help ?desk|service desk|call cent(?:er|re)|(?:real|live|actual) (?:one|someone|somebody))\b"
)
_PERSON_EN = rf"(?:{_STRONG_EN}|(?:someone|somebody|anyone|anybody)\b|support\b|an? assistant\b)"
_DET = r"(?:a |an |the |some |your |one of your |any |my |another |to )?"

_EN = [
    ("talk", rf"\b(?:talk|talking|speak|speaking|chat|chatting|converse|communicate|discuss (?:this|it|my \w+)|speek)(?: directly| personally| now| right now| immediately| please)? (?:to|with) {_DET}{_PERSON_EN}", 0.95),
    ("transfer", rf"\b(?:connect|connected|transfer|transferred|put|pass|forward|redirect|route|escalate|escalated|hand|switch|patch|send|get)(?: me| my (?:call|chat|case|query|issue|request|question|ticket|complaint|details|message|problem)| this(?: chat| conversation| case| issue)?| it)?(?: through| over| on| back| in touch| in contact)? (?:to|with) {_DET}{_PERSON_EN}", 0.95),
    ("acquire", rf"\b(?:want|wants|need|needs|wanted|needed|would like|request|requesting|ask for|asking for|looking for|get|give|bring|(?:can|could|may) (?:i|we) have|prefer|rather have|require|demand|insist on|escalate){word_gap(3)} {_DET}{_STRONG_EN}", 0.9),
    ("call", rf"\b(?:call|calling|phone|ring) {_DET}{_STRONG_EN}", 0.9),
    ("contact", rf"\b(?:contact|contacting|reach|reaching|get hold of|get ahold of|get through to|get in touch with|be in touch with|hear from|email|write to|message|speak to|talk to) {_DET}{_PERSON_EN}", 0.9),
    ("exists", r"\b(?:is there|are there|is it possible to have|do you have|have you got)(?: a| an| any| some)?(?: real| actual| live)? (?:human|person|people|agent|representative|operator|staff|employee|someone|somebody|anyone|anybody)s?\b(?! (?:in|at|near|from|on site|onsite|on hand|who can (?!talk|speak|chat)|who (?:speak|speaks|work|works|are|is)\b|to (?!talk|speak|chat)))", 0.85),
    ("anyone_there", r"\b(?:is |are )?(?:anyone|anybody|someone|somebody|any humans?|a human|a person|a real person) (?:there|here|available|around|online|real|alive|awake)\b(?! to (?!talk|chat|speak|help|assist|answer|take|respond|reply)[a-z]+)", 0.85),  # "anyone available to fix X" asks for a service, not a conversation
    ("bare", rf"^ (?:{_DET})?(?:{_QUAL})?(?:human|humans|agent|representative|operator|person|real person|live person|people|support|customer service|help ?desk|live agent|human agent|someone real|manager|supervisor)(?: now| please| asap| immediately)*(?: \.)?(?: (?:please|now|asap))?(?: \.)? $", 0.95),
    ("not_a_bot", r"\b(?:stop|quit|enough|done|tired of|sick of|fed up with|hate|do not want|not want|no more|rather not talk to)(?: talking| chatting| speaking)?(?: to| with)?(?: a| the| this| your| you| an)?(?: stupid| dumb| useless| automated)? (?:bot|bots|robot|robots|machine|ai|chatbot|chat bot|computer|automated (?:system|assistant|replies|answers))\b", 0.9),
    ("not_a_bot2", r"\b(?:human|person|people|agent|representative)s?,? (?:not|instead of|rather than) (?:a |an |the |this |your )?(?:bot|robot|machine|ai|chatbot|computer)\b", 0.95),
    ("call_back", r"\b(?:call|ring|phone) me back\b|\b(?:can|could|would|will|please|have) (?:someone|somebody|a person|an agent|a human|anyone|a representative)(?: [a-z]+){0,3} (?:call|ring|phone|contact|email)(?: me)?\b|^ (?:please )?(?:transfer|connect|escalate) me(?: please| now| asap)*(?: \.)? $", 0.85),
    ("put_through", rf"\b(?:put|patch|transfer|connect) me (?:through|over)\b|\brather (?:deal|talk|speak|chat) (?:to|with) {_DET}{_PERSON_EN}|\bdeal (?:directly )?with {_DET}{_STRONG_EN}", 0.85),
    ("look_personally", rf"^(?=.*\b(?:look|check|review|go|handle|deal|sort|investigate|examine|assess|call|ring|phone|email|contact|get back|reach out|follow up|take a look|have a look|personally)\b).*?(?:\b(?:can|could|would|will|may|please|need|want|would like|i would like|i want|i need|ask|asking|have|get)(?: [a-z]+){{0,2}} {_DET}(?:{_STRONG_EN}|(?:someone|somebody|anyone|one of you) (?:from|on|in|at) (?:your|the) (?:team|staff|company|side|office|end|support|billing|department|desk|shop|store))(?: [a-z]+){{0,2}} (?:look at|look into|look over|take a look|have a look|check|review|go over|go through|handle|deal with|sort out|investigate|examine|assess|call|ring|phone|email|contact|get back to|reach out|follow up)\b|^(?=.*\bpersonally\b).*\b(?:{_STRONG_EN}|(?:someone|somebody) (?:from|on|in|at) (?:your|the) [a-z]+))", 0.85),
    # "will the technician call me before he comes?" asks how the service works, not for a call
    ("have_them_call", rf"^(?! (?:will|does|do|is|are) (?:the|your|a|an|my|they|he|she|you)\b[^.]* (?:call|ring|phone|contact|email|text) (?:me|us) (?:when|once|if|before|after|as soon as|whenever)\b)(?=.*\b(?:call|ring|phone|contact|email|text|get back to|give) (?:me|us)\b).*?\b(?:have|get|can|could|would|will|please|like|want|need|let|may|prefer)\b(?: [a-z]+){{0,3}} {_DET}(?:{_STRONG_EN}|someone|somebody|anyone|anybody|technicians?|engineers?)(?: (?:from|at|in|on|of) (?:your|the) [a-z]+(?: [a-z]+)?)?(?: [a-z]+){{0,3}} (?:call|ring|phone|contact|email|text|get back to) (?:me|us)\b(?! a (?:taxi|cab|car|ride|uber)\b)|\b(?:someone|somebody|{_STRONG_EN})(?: (?:from|at|in|on|of) (?:your|the) [a-z]+(?: [a-z]+)?)? to give (?:me|us) a (?:call|ring)\b", 0.85),
    ("someone_to_reach", r"\b(?:is there|are there)(?: a| any)? (?:anybody|anyone|someone|somebody|person|people|human)(?: [a-z]+){0,5} (?:i|we) (?:can|could|may) (?:email|call|phone|ring|contact|write to|message|talk to|speak to|speak with|talk with|chat with)\b", 0.85),
    ("go_through_with", rf"\b(?:go (?:through|over)|sort out|discuss|settle|resolve)(?: this| it| that| my [a-z]+)?(?: out)? with {_DET}{_STRONG_EN}", 0.85),
    ("escalate", r"\b(?:escalate (?:this|it|my (?:case|issue|complaint|problem|ticket))|live chat with)\b", 0.85),
]
# Indirect asks: the customer names the person they want by role or by "who", or says "not a bot".
_ROLE = (r"(?:(?:actual|real|live) )?(?:[a-z]+ (?:s )?)?(?:team|staff|department|desk|office|manager|handler|advis[eo]r|nurse|dispatcher|technician|engineer"
         r"|mechanic|specialist|coordinator|receptionist|pharmacist|clerk|officer|colleague|supervisor|agent|representative)s?")
# only words that name the bot itself: "computer" or "assistant" also name devices and products
_MACHINE = r"(?:bot|bots|chatbot|chat bot|robot|machine|ai)"
_BOT = r"(?:bot|bots|chatbot|chat bot|robot)"  # "humans, not AI" describes a product, "not a bot" asks for a person
_EN_INDIRECT = [
    # "who do I speak to at your end?" asks to be pointed at a person of the company's; "who do I make the
    # cheque payable to" does not, nor a general "who should I talk to" that does not address the company
    ("who_to_ask", r"^(?=.*\b(?:you|your|here|there|actually|even|at the|in the|from the)\b).*\bwho (?:do|can|should|could|would|shall) (?:i|we) (?:actually |best |even )?(?:talk|speak|chat|get in touch|deal|raise this|take this up|call|ring|phone|contact|email|write to|reach)(?: to| with)?\b|\bwhoever (?:is in charge|deals with|handles|looks after|is responsible)\b", 0.85),
    # "loop in / bring in somebody from billing": the customer wants one more person in the conversation
    ("loop_in", rf"\b(?:loop|bring|rope)(?: [a-z]+)? in {_DET}{_PERSON_EN}|\b(?:loop|bring|rope) in (?:your |the |a |an )?{_ROLE}\b", 0.85),
    # a named staff role asked to call or talk to the customer: "could your dispatcher call me"
    # a named staff role asked to call the customer back: "could your dispatcher call me"; a question
    # about how a service works ("will the pharmacist call me when it is ready?") is not a request
    ("role_call_me", rf"\b(?:can|could|would|please|have|get|ask|let) (?:your |the |a |an |one of your |one of the )?{_ROLE}(?: [a-z]+){{0,2}} (?:(?:call|ring|phone|contact|email|text|talk to|speak to|speak with|talk with) (?:me|us)|give (?:me|us) a (?:call|ring|bell))\b(?! (?:when|once|if|before|after|as soon as|whenever|in case)\b)|\b(?:can|could|will|would) (?:your |the |a |an |one of your |one of the )?(?:{_ROLE}|someone|somebody)(?: [a-z]+){{0,2}} (?:call|ring|phone) (?:me|us) back\b|\b(?:get|put|need|want|have) (?:your |the |a |an )?(?:{_ROLE}|someone|somebody|a person|a human|{_STRONG_EN})(?: (?:from|at|in|on) (?:your|the) [a-z]+(?: [a-z]+)?)? on the (?:phone|line)\b", 0.85),
    # a person "who can explain / call / look at" something for the customer
    ("someone_who_can", rf"\b(?:someone|somebody|anyone|anybody|a person|a human|a member of (?:staff|the team)|one of you|{_STRONG_EN})(?: [a-z]+){{0,4}} (?:who|that) (?:can|could|will|would) (?:explain|call|ring|phone|talk|speak|look at|look into|go through|walk me through|check|review)\b", 0.8),
    # "I'd like to explain this to a real person": the customer wants to explain; "should I show it to
    # the staff at the gate?" asks about a procedure
    ("explain_to", rf"\b(?:want|wanted|like|need|needed|prefer|rather|let me|allow me|have to|would love|wish)(?: to)? (?:explain|describe|tell|go through|walk through)(?: this| it| that| everything| all this| the (?:problem|issue|situation)| my (?:[a-z]+)| this [a-z]+| all of this)? to {_DET}{_STRONG_EN}", 0.85),
    # "a word / a conversation with a person"
    ("a_word_with", rf"\b(?:like|want|need|have|get|request|appreciate|prefer|ask for|arrange)(?: [a-z]+){{0,2}} (?:a |an )?(?:quick |proper |short |real )?(?:word|conversation|chat|call|phone call|discussion|meeting) with (?:{_DET}{_STRONG_EN}|someone|somebody|whoever|one of (?:you|your|the))\b", 0.85),
    # "I'd rather explain this to a person than a bot", "not a bot please"; a person has to be named
    # before "than" ("works better on a phone than on a computer" compares devices)
    ("than_a_bot", rf"\b(?:rather|prefer|better)\b(?: [a-z]+){{0,12}} (?:{_STRONG_EN}|{_ROLE}|someone|somebody|anyone|anybody|people|you)(?: [a-z]+){{0,3}} than(?: [a-z]+){{0,3}} (?:a |an |the |this |your |some )?{_MACHINE}\b|(?<!am )(?<!are )(?<!is )(?<!was )\bnot (?:with |to )?(?:a |an |the |this |your |some )?{_BOT}(?! (?:is|was|can|could|will|would|does|did)\b)(?= \.| $| please| thanks| thank you| i| but| for| this| ,)", 0.85),
]
_ES_P = (r"(?:(?:un|una|algun|alguna|el|la|otro|otra|al|a) )?(?:persona(?: real| humana| de verdad| fisica)?|humano|ser humano"
         r"|agente(?: humano| real)?|asesor|asesora|operador|operadora|representante|ejecutivo|ejecutiva|empleado|empleada"
         r"|encargado|encargada|supervisor|supervisora|gerente|humanos|personas|alguien(?: real| de verdad| de carne y hueso)?"
         r"|(?:atencion|servicio) (?:al cliente|humana|personalizada)|soporte(?: tecnico)?)\b")
_ES = [
    ("hablar", rf"\b(?:hablar|hablo|hable|habla|conversar|chatear|charlar|platicar|comunicarme|comunicarse|comunicar|contactar|contactarme|contacto|escribir)(?: directamente)? (?:con|a|al) {_ES_P}", 0.95),
    ("pasar", rf"\b(?:pasame|paseme|pasarme|pasenme|comunicame|comuniqueme|transfiereme|transfierame|transferirme|transfiera|conectame|conecteme|conectarme|ponme|pongame|ponerme|derivame|derivarme|me pasas|me pasa|me pases|me transfieres|me comunicas|me conectas|me pones|me derivas|me puedes pasar|me puede pasar){word_gap(2)} (?:con |a |al |en contacto con )?{_ES_P}", 0.95),
    ("querer", rf"\b(?:quiero|necesito|quisiera|queria|puedo|podria|podrias|puede|pueden|me gustaria|deseo|pido|solicito|prefiero|busco|dame|deme|exijo){word_gap(3)} {_ES_P}", 0.9),
    ("llamar", r"\bque me (?:llame|llamen|contacte|contacten|atienda|atiendan|escriba|escriban|devuelva la llamada|devuelvan la llamada)(?: [a-z]+){0,2} (?:alguien|una persona|un agente|un asesor|una asesora|un operador|un empleado|un representante|el encargado|un tecnico)\b|\b(?:alguien|un agente|un asesor|una asesora|un operador|un empleado|una persona|un tecnico)(?: [a-z]+){0,3} (?:me )?(?:puede|podria|pueda|puedan|podrian) (?:llamar|contactar|atender|escribir)\w*\b|\b(?:alguien|un agente|un asesor|una asesora)(?: [a-z]+){0,3} (?:me )?(?:revise|revisen|mire|atienda|llame)\b", 0.85),
    ("poner", rf"\b(?:poner(?:me|nos)?|me (?:puedes|puede|podeis|podrias|podria|pueden|podrian) (?:poner|pasar|comunicar|derivar|transferir)|ponerme en contacto) (?:con |al |a )?{_ES_P}", 0.9),
    ("hay", r"\bhay (?:alguien|alguna persona|algun humano|un humano|una persona|algun agente|un agente|algun asesor)\b", 0.85),
    ("atencion", r"\batencion (?:humana|personalizada)\b", 0.85),
]
_FR_P = (r"(?:(?:un|une|le|la|l|des|votre|a|au|a un|a une|avec un|avec une) )?(?:vrai |vraie |veritable )?(?:humain|etre humain"
         r"|personne (?:reelle|physique|humaine)|une personne|conseiller|conseillere|agent|operateur|operatrice|interlocuteur"
         r"|representant|quelqu un(?: de reel| de vrai)?|employe|responsable|service (?:client(?:ele)?|facturation|comptabilite|technique|commercial|apres vente|reclamations?)|support|technicien"
         r"|superviseur|humains)\b")
_FR = [
    ("parler", rf"\b(?:parler|parle|discuter|echanger|communiquer|dialoguer|joindre|contacter|avoir|etre en contact avec|entrer en contact avec)(?: directement)? (?:a |avec |au |aux )?{_FR_P}", 0.95),
    ("passer", rf"\b(?:passez moi|passe moi|me passer|passer|mettez moi en (?:relation|contact)|mets moi en (?:relation|contact)|mettre en (?:relation|contact)|transferez moi|transfere moi|me transferer|redirigez moi|me rediriger|orientez moi|transmettre|transmettez|transmets|transferer)(?: ma demande| mon dossier| ma question| ceci| cela| ca)?{word_gap(2)} (?:avec |a |au |vers )?{_FR_P}", 0.95),
    ("vouloir", rf"\b(?:je veux|je voudrais|j aimerais|je souhaite|je souhaiterais|je demande|puis je|pourrais je|est ce que je peux|je peux|je prefere|il me faut|je cherche|donnez moi|j exige){word_gap(4)} {_FR_P}", 0.9),
    ("rappel", r"\b(?:etre (?:rappele|recontacte|contacte)e? par|qu (?:un|une|quelqu un)(?: [a-z]+){0,4} (?:me|nous) (?:rappelle|recontacte|contacte|appelle|telephone))\b|\b(?:un |une )?(?:conseiller|conseillere|agent|quelqu un|technicien|responsable)(?: [a-z]+){0,3} (?:peut|pourrait|pouvez|pourriez)(?: [a-z]+)? (?:me|nous) (?:rappeler|contacter|appeler|telephoner)\b", 0.85),
    ("ya", r"\b(?:y a t il|il y a|y a) (?:quelqu un|un humain|une personne|un conseiller|un agent)\b", 0.85),
]
_DE_P = (r"(?:(?:einem|einen|einer|ein|eine|dem|den|der|die|echten|richtigen|menschlichen|realen|echte|richtige|echter|lebenden|lebendigen) )*"
         r"(?:mensch|menschen|mitarbeiter|mitarbeiterin|mitarbeitenden|berater|beraterin|kundenberater|kundenberaterin|agenten|agent"
         r"|person|ansprechpartner|ansprechpartnerin|sachbearbeiter|sachbearbeiterin|kundendienst|kundenservice|support"
         r"|servicemitarbeiter|vorgesetzten|jemandem|jemanden|jemand)\b")
# "einen Kollegen" asked to take over ("an einen Kollegen weiterleiten", "mit einer Kollegin verbinden");
# "meinen Kollegen" is the customer's own colleague ("einen Zugang fur meinen Kollegen")
_DE_COLLEAGUE = r"(?:einen|einem|einer|eine|den|dem|der|die|ihren|ihrem|ihrer|ihre|ihres) (?:anderen |zustandigen |erfahrenen )?(?:kollegen|kollegin|kollege)\b"
_DE = [
    ("mit_sprechen", rf"\b(?:mit|zu) (?:{_DE_P}|{_DE_COLLEAGUE}){word_gap(4)} (?:sprechen|reden|chatten|verbunden|verbinden|schreiben|telefonieren|durchgestellt|weitergeleitet)\b", 0.95),
    ("verbinden", rf"\b(?:sprechen|reden|chatten|verbinden sie mich|verbinde mich|verbindest du mich|stellen sie mich|stell mich|leiten sie mich|leite mich){word_gap(3)} (?:mit|zu|an) (?:{_DE_P}|{_DE_COLLEAGUE})", 0.95),
    ("wollen", rf"\b(?:ich will|ich mochte|ich brauche|ich hatte gerne?|ich wurde gerne?|kann ich|konnte ich|gib mir|geben sie mir|ich verlange|ich suche|ich bitte um|ich moechte){word_gap(4)} {_DE_P}", 0.9),
    ("anrufen", r"\b(?:kann|konnte|soll|sollte|moge|mochte|moechte|wurde|darf)(?: mich| mir| uns)(?: bitte)?(?: [a-z]+){0,1} (?:jemand|ein\w* (?:mitarbeiter\w*|berater\w*|mensch\w*|techniker\w*|kollege\w*|ansprechpartner\w*))(?: [a-z]+){0,4} (?:anrufen|zuruckrufen|kontaktieren|melden|schreiben)\b|\bruckruf (?:von|durch) (?:einem |einer |ihrem |ihrer )?(?:mitarbeiter\w*|berater\w*|menschen|kundendienst|support|techniker\w*|jemandem)\b", 0.85),
    ("weiterleiten", rf"\b(?:an|zu) (?:{_DE_P}|{_DE_COLLEAGUE})(?: [a-z]+){{0,3}} (?:weiterleiten|weitergeben|weiterreichen|ubergeben|abgeben)\b|\b(?:leiten|geben|reichen) sie(?: [a-z]+){{0,4}} (?:an|zu) (?:{_DE_P}|{_DE_COLLEAGUE})(?: [a-z]+){{0,2}} weiter\b", 0.9),
    ("gibt_es", r"\b(?:gibt es|ist da|ist hier|ist jemand) (?:einen |eine |ein )?(?:echten |echte |echter )?(?:menschen|mensch|mitarbeiter|person|jemand|da)\b", 0.85),
]
_PT_P = (r"(?:(?:um|uma|o|a|algum|alguma|com|ao|a um|a uma|de um|uma pessoa|um ser) )?(?:atendente(?: humano| real)?|humano|ser humano"
         r"|pessoa(?: real| de verdade| humana)?|agente|operador|operadora|representante|consultor|consultora|funcionario|funcionaria"
         r"|especialista|gerente|supervisor|responsavel|encarregad[oa]|dono|dona|alguem(?: real| de verdade| do (?:suporte|atendimento))?"
         r"|(?:atendimento|suporte)(?: humano| ao cliente)?|sac|central de atendimento)\b")
_PT = [
    ("falar", rf"\b(?:falar|fala|falo|conversar|converso|comunicar|contatar|contactar|chamar|chame|chama|ligar|ter contato)(?: diretamente)? (?:com |a |ao |para |pra )?{_PT_P}", 0.95),
    ("passar", rf"\b(?:me transfira|me transfere|me transferir|transferir|me passa|me passe|passar|me coloca|me coloque|me conecta|me conecte|encaminhar|me encaminha|me encaminhe){word_gap(2)} (?:para |pra |com |a |ao )?{_PT_P}", 0.95),
    ("querer", rf"\b(?:quero|preciso|gostaria|queria|posso|pode|podem|prefiro|solicito|peco|exijo){word_gap(4)} {_PT_P}", 0.9),
    ("ligar", r"\b(?:alguem|um atendente|uma atendente|um consultor|uma consultora|um funcionario|uma pessoa|um tecnico|um agente)(?: [a-z]+){0,3} (?:pode|poderia|podem|poderiam)(?: me)? (?:ligar|contatar|retornar|atender|chamar)\b|\bque (?:alguem|um atendente|uma atendente|um consultor|um agente|uma pessoa)(?: [a-z]+){0,3} me (?:ligue|liga|contate|retorne|atenda)\b", 0.85),
    ("tem", r"\b(?:tem|ha|existe) (?:alguem|algum atendente|algum humano|uma pessoa|um atendente)\b", 0.85),
    ("atendimento", r"\batend(?:imento|ente) humano\b", 0.85),
]
# Paraphrased asks: a person of the company's named loosely ("one of your people", "a colleague",
# "someone at your end") and asked to act on the case (ring me, review it, take over, step in).
_DET_THEIRS = r"(?:a |an |the |some |your |one of your |any |another )?"  # not "my": "my manager" is the customer's own
_ONE_OF_YOU = (rf"(?:{_DET_THEIRS}{_STRONG_EN}|(?:one of your|one of the|a|another) (?:people|team|staff|colleagues?|folks|guys|advis[eo]rs|agents)"
               rf"|(?:a |another )?(?:colleague|team member|staff member|member of (?:staff|your team|the team))|your {_ROLE}|your (?:[a-z]+ )?(?:people|folks|guys|lot)"
               r"|(?:someone|somebody|a person|a human|anyone|anybody)(?: (?:at|from|in|on) (?:your|the) (?:end|side|company|team|office|shop|store|bank|airline|hotel|branch|[a-z]+ (?:team|department|desk)))?)")
_EN_PARAPHRASE = [
    # "could one of your people give me a ring", "a team member jump on a call with me", "a human take over"
    ("one_of_you_act", rf"\b(?:can|could|would|will|please|any chance|is there (?:a|any) way|possible for) {_ONE_OF_YOU}(?: [a-z]+){{0,4}} (?:give (?:me|us) a (?:ring|call|bell)|(?:jump|hop|get) on (?:a|the) (?:call|phone)(?: with (?:me|us))?|take over (?:this|the|my)|step in|review (?:my|this|the)|look (?:at|into|over) (?:my|this|the|it)|check (?:my|this|why|what|it)|(?:needs|has|have) to (?:check|look|review|sort)|(?:call|ring|phone|email|contact) (?:me|us)(?! a (?:taxi|cab|car|ride|uber)\b))\b"
     r"|\b(?:someone|somebody|a person|a human) (?:at|from|in|on) (?:your|the) (?:end|side|company|team|office) (?:needs|has|have|must|should) to (?:check|look|review|sort|call|ring|contact)\b", 0.85),
    # a person asked to contact the customer: "get a colleague who knows X to contact me", "arrange for a handler to phone me"
    # "is anyone from the booking team able to ring me", "I'd like my claim handled by a person"
    ("able_to", rf"\b(?:is|are) (?:anyone|anybody|someone|somebody|a person|a human|one of you|any of your [a-z]+|a member of staff|a staff member) (?:from|at|in|on) (?:your|the) [a-z]+(?: [a-z]+)? (?:able|available) to (?:(?:call|ring|phone|contact|email|talk to|speak to|speak with|chat with|get back to) (?:me|us)|(?:look at|look into|review|check) (?:my|our|this|it))\b|\b(?:handled|dealt with|looked at|looked into|reviewed|checked|sorted out|sorted|taken care of|read|answered) by {_DET_THEIRS}(?:{_STRONG_EN}|member of staff|staff member|team member|(?:real|live|actual) (?:one|someone|somebody))", 0.85),
    ("arrange_contact", rf"\b(?:arrange for|get|ask|have|need|want|like) {_DET_THEIRS}(?:{_ROLE}|{_ONE_OF_YOU}|someone|somebody)(?: [a-z]+){{0,6}} to (?:call|ring|phone|contact|email|text|get back to) (?:me|us)\b(?! a (?:taxi|cab|car|ride|uber)\b)", 0.85),
    # the customer wants to be contacted: "I'd appreciate a callback from your side", "like to be contacted by an adviser"
    ("be_contacted", r"\b(?:i|we) (?:would |d )?(?:really |very much |much |also )?(?:like|appreciate|want|need|request|prefer)(?: to (?:have|get|request|book))? (?:a |an )?(?:quick |urgent )?(?:callback|call back|phone back|return call)\b|\b(?:like|want|need|prefer|appreciate|ask) (?:to be|being) (?:contacted|called|phoned|rung|called back) (?:by|from)\b", 0.85),
    # "who at your company can I speak to", "pass my question on to a colleague", "talk this through with a staff member"
    ("who_at", r"\bwho (?:at|in|from) (?:your|the) [a-z]+(?: [a-z]+)? (?:can|could|do|should|would) (?:i|we) (?:actually )?(?:talk|speak|chat|call|ring|phone|contact|email|write to|reach)\b", 0.85),
    ("pass_on", rf"\b(?:pass|hand|forward|send|escalate|refer)(?: this| it| me| my(?: [a-z]+){{1,2}})(?: on| over| up)? to {_ONE_OF_YOU}", 0.85),
    ("work_through_with", rf"\b(?:(?:talk|sort|go|work|figure|thrash|run)(?: this| it| that| things| everything| my [a-z]+)? (?:out|through|over)|sort (?:this|it|that|things)) with {_ONE_OF_YOU}", 0.85),
    ("someone_who_works", r"\b(?:get|need|want|give|find|put)(?: me| us)? (?:someone|somebody|a person|a human|anyone) (?:who|that) (?:actually |really )?works? (?:there|here|for you|at (?:your|the))\b", 0.85),
]
CUSTOMER_REQUEST = make_rules("customer_request", _EN + _EN_INDIRECT + _EN_PARAPHRASE + _ES + _FR + _DE + _PT)

# Negations and hypotheticals that cancel a request for a person in the same clause.
NEGATION = re.compile(
    r"\b(?:(?:do|does|did|will|would|should|shall) not (?:really |even |actually )?(?:want|need|wish|like|care|ask|require|have to|mean)"
    r"|not (?:want|need|wish|looking|asking|interested|necessary|needed|required)|no need|without|rather not|instead of"
    r"|never (?:want|need|asked)|(?:do|does|will) (?:i|we|you|one) (?:need|have|still need) to|is it (?:necessary|required|mandatory) to|(?:am|are) (?:i|we) (?:required|supposed|expected) to|am i (?:talking|speaking|chatting|texting)|become|work as|apply (?:for|to be)|hiring|recruit\w*|jobs?|careers?|vacanc\w*|do not (?:transfer|connect|put|send|pass|escalate|forward|hand|give|get)"
    r"|no (?:quiero|necesito|hace falta|me pases|me transfieras|es necesario)|sin|(?:ne|n) (?:veux|voudrais|souhaite|ai) (?:pas|plus)"
    r"|pas besoin|sans|pas (?:la peine|necessaire)|(?:will|mochte|brauche|muss|wollte) (?:ich )?(?:nicht|kein\w*)"
    r"|kein\w* (?:mensch\w*|mitarbeiter\w*|berater\w*|person\w*)|ohne|nicht (?:notig|notwendig|mit)"
    r"|nao (?:quero|preciso|precisa|e necessario|me (?:transfira|passe|transfere|passa))|sem)\b"
)
HYPOTHETICAL = re.compile(
    r"\b(?:if i (?:ever |later |still |do )?(?:need|want|wanted|needed|would like|have to|must|ask)|in case|what if"
    r"|what happens (?:if|when)|suppose|supposing|hypothetically|later on|in the future|next time"
    r"|si (?:alguna vez )?(?:necesito|quiero|quisiera)|au cas ou|si jamais|falls ich|wenn ich (?:mal |irgendwann )?(?:einen|mit)"
    r"|caso eu|se eu (?:precisar|quiser))\b"
)

# A how-to question that only names a risk ("how do I report a phishing email?") asks for information;
# the bot can answer it unless the customer also says it happened to them.
HOW_TO = re.compile(
    r"^ (?:how (?:do|can|could|should|would) (?:i|we|you|one)|how to|where (?:do|can|could|should) (?:i|we)|what is the (?:best )?way to"
    r"|is there a way to|what (?:is|are)(?: a| an| the)?|what does|how (?:does|do) (?:you|your)|tips? (?:on|for)|como (?:puedo|se)"
    r"|comment (?:puis je|faire|signaler)|wie (?:kann|melde|erkenne)|como (?:posso|faco)"
    # what a policy or plan covers: "does the insurance cover stolen bikes?"
    r"|(?:does|do|will|would) (?:the |my |your |this |a )?(?:[a-z]+ ){0,2}(?:insurance|policy|plan|cover|warranty|protection|guarantee) (?:cover|pay|include|protect))\b"
)
FIRST_PERSON_INCIDENT = re.compile(
    r"\b(?:i|we) (?:clicked|gave|entered|typed|shared|sent|replied|paid|lost|answered|opened|downloaded|installed|transferred)\b"
    r"|\b(?:was|were|been|got|have been|has been|am being|is being) (?:hacked|scammed|phished|defrauded|compromised|stolen|taken over|breached)\b"
    r"|\b(?:my|our) (?:lost |stolen |missing |hacked |compromised )?(?:account|card|identity|email|phone|details|password|money)\b"
)
# A how-to question about these names no incident of the customer's own ("how can I tell if a caller
# claiming to be from you is genuine?", "does the policy cover stolen bikes?"); "how do I report a lost
# card?" is left to the incident rules: asked that way, the card is usually gone already.
HOW_TO_RULES = frozenset({"security:phishing", "security:phish", "security:impostor", "security:stolen_any"})

# A question about keeping an account safe ("how can I protect my account from hackers?") asks for advice
# even with "my account" in it: the risk-naming rules (ADVANCE_EXEMPT_SECURITY_RULES) may wait unless
# something is reported as happened (REPORTED_INCIDENT).
PREVENTION = re.compile(
    r"^ (?:how (?:can|do|should|could) (?:i|we)|what (?:can|should) (?:i|we) do to|is there a way to|tips? (?:on|for)(?: how to)?|best way to) "
    r"(?:better )?(?:protect|secure|safeguard)\b"
)

# A question about what would happen if something went wrong ("will I be billed twice if I upgrade?")
# asks for information, and so does anything marked as asked in advance ("asking before I travel"):
# the bot can answer both unless the customer also reports something that happened or is happening.
# Only the explicit marker applies to security: "what do I do if my card is stolen" often means it is.
CONDITIONAL_QUESTION = re.compile(
    r"^ (?:what (?:should|do|can|would|will) (?:i|we) do|what happens|what if|will (?:i|we|my|it)|would (?:i|we|my|it)"
    r"|could (?:i|we)|can (?:i|we)|do (?:i|we)|does|is (?:it|there)|are there|how (?:do|can|should|would) (?:i|we))\b"
    r"(?: [a-z0-9]+)*? (?:if|when|in case|once|should)\b(?! not\b)"
    r"|^ (?:if|in case|suppose|supposing) "
)
ASKED_IN_ADVANCE = re.compile(
    r"\b(?:just asking|asking (?:before|in advance|for the future|for a friend|just in case)|for future reference"
    r"|in the future|hypothetically|just (?:want|wanted) to know|just curious|out of curiosity|before (?:i|we) (?:travel|go|leave|fly))\b"
)
# Something reported as done ("was", "already", "someone changed") or as going on now: a state
# ("my account is hacked", "my card is stolen", "my card is charged twice"), someone acting right now
# ("someone is logging in", "they are using my card"), things there that the customer does not
# recognise, or a charge that repeats ("keeps charging", "charged twice each month").
REPORTED_INCIDENT = re.compile(
    r"\b(?:was|were|got|have been|has been|had been|already|yesterday|last (?:night|week|month)|this (?:morning|week))\b"
    r"|\b(?:i|we) (?:have |just )?(?:lost|left|dropped|misplaced)\b"
    r"|\b(?:i|we|you|they|someone|somebody|it) (?:just )?[a-z]+ed\b"
    r"|\b(?:is|are|am)(?: being| still| now| currently| constantly| always)? (?:hacked|stolen|compromised|hijacked|cloned|missing|gone"
    r"|taken over|locked|frozen|blocked|emptied|drained|charged|billed|debited|double charged|overcharged)\b"
    r"|\b(?:someone|somebody|a stranger|a hacker|hackers|strangers|they|he|she|people|my ex)(?: else)? (?:is|are) (?:still |now |currently |constantly )?"
    r"(?:using|logging|logged|signing|accessing|taking|spending|withdrawing|charging|buying|ordering|changing|sending|trying)\b"
    r"|\bthere (?:is|are)\b(?: [a-z0-9]+){1,8} (?:i|we) (?:do not|did not|can not|never) (?:recognize|know|authorize|remember|make|made)\b"
    r"|\b(?:keep|keeps|kept|still|continue|continues|are still|is still) (?:on )?(?:charging|billing|debiting|taking money|taking payments?|logging in)\b"
    r"|\b(?:charged|billed|debited|charging|billing|taken)(?: me| us)? (?:twice|double|two times|three times) (?:each|every|a|per) (?:month|week|year|time)\b"
)

# A hypothetical clause in a security question is what might happen ("what do I do if my phone is
# stolen?", "in case my card is ever taken"): it is left out when looking for a reported incident, and
# a rule matching inside it may wait. "Can you check if someone is using my card" is not hypothetical.
IF_CLAUSE = re.compile(
    r"\b(?:what(?: [a-z]+){0,3} (?:if|when)|in case|if(?= (?:[a-z]+ ){0,4}ever\b))\b"
    r"(?: (?!\.)[a-z0-9]+)*"
)

# Security rules that name a risk in general words ("scam", "hackers", "block my card", "protect my
# account", "stolen" alone): a question marked as asked in advance may be answered by the bot. Every
# other security rule describes an incident and is handed off whatever the phrasing (see triage._may_wait).
ADVANCE_EXEMPT_SECURITY_RULES = frozenset({
    "security:phishing", "security:phish", "security:hacking", "security:fraud_words", "security:worried",
    "security:police", "security:protect", "security:freeze", "security:block", "security:stop_access",
    "security:stolen_any", "security:report_lost", "security:unauthorised_access", "security:left_behind", "security:lost_stolen",
})

# A question about doing something ordinary ("how can I reduce it?", "where is the link?", "can I remove
# two?", "how long does it take?", "what plans do you have?") or about what the company does in general
# ("do you block transactions ..."): the rules in SELF_SERVICE_RULES match words that also describe an
# ordinary situation ("my usage seems too high", "the plan includes 3 lines", "I will post a review"),
# so with such a question and nothing gone wrong for a while (GRIEVANCE_CONTEXT), they leave it to the bot.
# Asking how to get money back, dispute, complain, report, cancel or close is no ordinary question.
SELF_SERVICE_QUESTION = re.compile(
    r"\b(?:how (?:do|can|could|should|would) (?:i|we)|how to|where (?:do|can|could|should) (?:i|we)|where is|can (?:i|we)"
    r"|could (?:i|we)|is it possible to|is there a way to)"
    r"(?! (?:get|have)(?: [a-z]+){0,4} (?:back|refund\w*|reimburs\w*|compensat\w*)\b"
    r"| (?:get |be )?(?:dispute|contest|complain|claim|report|reverse|escalate|speak|talk|stop|block|freeze|recover|challenge"
    r"|appeal|refund\w*|reimburs\w*|cancel\w*|close|terminate|leave)\b)\b"
    r"|\bhow long (?:does|do|will|until|before|should)\b|\bwhat (?:plans|options|deals|packages|tariffs|bundles)\b"
    r"|^ (?:do|does|will|would) (?:you|your [a-z]+|the (?:bank|app))(?: automatically| ever| always| usually)? "
    r"(?:block|stop|flag|decline|cover|protect|notify|alert|check|detect|prevent|allow|let|reject|hold|verify)\b"
)
GRIEVANCE_CONTEXT = re.compile(
    r"\b(?:still|again|yet again|once more|(?:for|after|over|in) (?:(?:over|more than|almost|nearly|about) )?(?:[0-9]+|two|three|four"
    r"|five|six|seven|eight|nine|ten|several|many|a few) (?:weeks|months|years)|(?:a|one|two|three|four|five|six|several|few|[0-9]+)"
    r" (?:weeks?|months?|years?) ago|for (?:weeks|months|ages)|(?:charged|billed|debited|invoiced|overcharged|took|taken|deducted)"
    r" (?:me|us|my|our)|you (?:charged|billed|took|debited|overcharged)|terrible|awful|appalling|shocking|disgust\w*|unacceptable"
    r"|ridiculous|useless|rubbish|a joke|scam|rip off|disgrace\w*|never again|fed up|sick of|complain\w*|furious|angry|rude)\b"
)
SELF_SERVICE_RULES = frozenset({
    "complaint:leaving_warning", "complaint:judged_treatment", "billing_dispute:bad_rate2", "billing_dispute:more_units",
    "billing_dispute:not_given_back", "security:never_been", "security:unknown_payee",
})
