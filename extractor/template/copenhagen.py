"""The Copenhagen Municipality template for investment proposals ("Investeringsforslag").

Every word, number and pattern the stages look for in a proposal of this template
(see `model.py` for what each field means). Examples are from the bundled samples and
the seed transcription.
"""

from __future__ import annotations

from extractor.template.model import Template

COPENHAGEN = Template(
    name="copenhagen",
    summary_label=r"Kort\s+resum[ée]",
    department_label=("Fremstillende", "forvaltning"),
    section_titles={
        "1": r"Beskrivelse", "2": r"Økonomi", "3": r"Implementering", "4": r"Risiko",
        "5": r"Effektivisering", "6": r"Hvem\s+er\s+hørt",
    },
    economy_section="2",
    risk_section="4",
    risk_title=r"Risiko",
    caption_word="Tabel",
    annex_title=r"Administrative\s+bilag",
    figure_word="Figur",
    economy_table=1,
    follow_up_table=2,
    approval_table=4,  # "Godkendelse af Center for Økonomi"
    hearing_tables=(4, 6),  # Tabel 6: "Høring og inddragelse af kredse og udvalg"
    page_number=r"(?:side\s*)?\d{1,3}\s*(?:/|af)\s*\d{1,3}",
    document_type=r"\p{L}*forslag",
    year=r"(?:19|20)\d\d",
    steering_header="styrings",
    steering_word="styringsområde",
    steering_areas=("Service", "Overførsler", "Anlæg", "Finansiering"),
    permanent_group=r"Varige\s+ændringer",
    implementation_group=r"Implementeringsomkostninger",
    overall_label=r"Samlet\s+økonomisk",
    total_label=r"Samle(?:t|de)",
    of_which_label=r"Heraf",
    net_word=r"netto",
    saving_word=r"(?:effektivisering|besparelse)",
    saving_row=r"(?:Besparelse|Reduceret|Reduktion|Effektivisering)",
    payback_label=r"Tilbagebetalingstid",
    service_area="Service",
    payback_total=r"total",
    years_word=r"år",
    unit=r"(\d{1,3}(?:\.\d{3})*\s*(?:kr\.|kroner)|mio\.\s*kr\.)",
    price_level=r"(\d{4}\s*-?\s*p/l|\d{4}-priser)",
    notes_start=r"(?:Noter\b|\*|Alle\s+effektiviseringer\b)",
    # Savings (permanent) usually start in the second year, investments in the first.
    first_column={"permanent": 1, "implementation": 0, "overall": 0},
    innovation_label=r"innovationsforslag",
    yes="ja",
    no="nej",
    approver="Center for Økonomi",
    committees={
        "Økonomiforvaltningen": "Økonomiudvalget",
        "Kultur- og Fritidsforvaltningen": "Kultur- og Fritidsudvalget",
        "Børne- og Ungdomsforvaltningen": "Børne- og Ungdomsudvalget",
        "Sundheds- og Omsorgsforvaltningen": "Sundheds- og Omsorgsudvalget",
        "Socialforvaltningen": "Socialudvalget",
        "Teknik- og Miljøforvaltningen": "Teknik- og Miljøudvalget",
        "Beskæftigelses- og Integrationsforvaltningen": "Beskæftigelses- og Integrationsudvalget",
    },
    investment_areas=("Service", "Anlæg"),
    effect_areas=("Service", "Overførsler"),
    risk_levels=("lav", "lave", "lavt", "mellem", "middel", "moderat",
                 "høj", "høje", "højt"),
)
