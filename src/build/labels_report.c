#include "build/labels_report.h"

#include "util/arena.h"

#include <string.h>

struct label {
    const char *key, *fr, *nl, *en;
};

#define NB RP_NBSP

/* Sorted by key within each group only for reading; lookups are linear (a few hundred
 * entries, a few thousand lookups per document). */
static const struct label LABELS[] = {
    /* ------------------------------------------------------------ document */
    {"doc.evaluation", "Rapport d'évaluation annuel", "Jaarlijks evaluatieverslag",
     "Annual evaluation report"},
    {"doc.annual_report", "Rapport annuel", "Jaarverslag", "Annual report"},
    {"doc.communication", "Synthèse du plan de communication",
     "Samenvatting van het communicatieplan", "Communication plan summary"},
    {"doc.contents", "Table des matières", "Inhoudstafel", "Contents"},
    {"doc.continued", "(suite)", "(vervolg)", "(continued)"},
    {"doc.page", "Page", "Pagina", "Page"},
    {"doc.sample", "EXEMPLE", "VOORBEELD", "SPECIMEN"},
    {"doc.edition", "Édition française", "Nederlandstalige editie", "English edition"},
    {"doc.edition_sample", "Édition française – données d'exemple",
     "Nederlandstalige editie – voorbeeldgegevens", "English edition – sample data"},
    {"doc.sample_notice",
     "Données d'exemple" NB ": les chiffres de ce document ont été inventés pour la "
     "démonstration et les tests" NB "; ce ne sont pas les résultats réels de l'organisation.",
     "Voorbeeldgegevens: de cijfers in dit document zijn verzonnen voor demonstratie en tests; "
     "het zijn niet de werkelijke resultaten van de organisatie.",
     "Sample data: the figures in this document were invented for demonstration and tests; "
     "they are not the organisation's real results."},
    {"doc.lang_note",
     "Certains textes du modèle source n'existent pas en français" NB ": ils sont reproduits "
     "dans leur langue d'origine ({1}).",
     "Sommige teksten van het bronmodel bestaan niet in het Nederlands: ze worden weergegeven "
     "in hun oorspronkelijke taal ({1}).",
     "Some texts of the source model do not exist in English: they are given in their "
     "original language ({1})."},
    {"doc.keywords", "évaluation, plan, indicateurs, budget",
     "evaluatie, plan, indicatoren, begroting", "evaluation, plan, indicators, budget"},
    {"doc.keywords_comm", "communication, plan, groupes cibles, canaux",
     "communicatie, plan, doelgroepen, kanalen", "communication, plan, target groups, channels"},
    {"doc.keywords_annual", "rapport annuel, chiffres clés", "jaarverslag, kerncijfers",
     "annual report, key figures"},
    {"summary.indicators",
     "Pour chaque indicateur" NB ": sa norme telle que le plan la formule, ses valeurs par année "
     "et son statut calculé.",
     "Voor elke indicator: de norm zoals het plan hem formuleert, de waarden per jaar en de "
     "berekende status.",
     "For each indicator: its norm as the plan words it, its values per year and its computed "
     "status."},

    {"lang.fr", "français", "Frans", "French"},
    {"lang.nl", "néerlandais", "Nederlands", "Dutch"},
    {"lang.en", "anglais", "Engels", "English"},
    {"lang.de", "allemand", "Duits", "German"},

    /* ------------------------------------------------------------ chapters */
    {"sec.about", "À propos de ce document", "Over dit document", "About this document"},
    {"sec.dashboard", "Tableau de bord", "Boordtabel", "Dashboard"},
    {"sec.objectives", "Réalisation des objectifs", "Realisatie van de doelstellingen",
     "Achievement of the objectives"},
    {"sec.projects", "Projets", "Projecten", "Projects"},
    {"sec.key_processes", "Processus clés", "Kernprocessen", "Key processes"},
    {"sec.key_figures", "Chiffres clés", "Kerncijfers", "Key figures"},
    {"sec.highlights", "L'année en chiffres et en faits", "Het jaar in cijfers en feiten",
     "The year in figures and facts"},
    {"sec.risks", "Risques", "Risico's", "Risks"},
    {"sec.risk_register", "Registre des risques", "Risicoregister", "Risk register"},
    {"sec.risk_domains", "Domaines de risque", "Risicodomeinen", "Risk domains"},
    {"sec.budget", "Exécution budgétaire", "Begrotingsuitvoering", "Budget execution"},
    {"sec.communication", "Exécution du plan de communication",
     "Uitvoering van het communicatieplan", "Communication plan execution"},
    {"sec.annex", "Annexe", "Bijlage", "Annex"},
    {"sec.definitions", "Définitions des indicateurs", "Definities van de indicatoren",
     "Indicator definitions"},
    {"sec.abbreviations", "Abréviations", "Afkortingen", "Abbreviations"},
    {"sec.organisation", "Organisation", "Organisatie", "Organisation"},
    {"sec.comm_plan", "Plan de communication", "Communicatieplan", "Communication plan"},
    {"sec.comm_actions", "Actions de communication", "Communicatieacties",
     "Communication actions"},
    {"sec.comm_matrix", "Groupes cibles et canaux", "Doelgroepen en kanalen",
     "Target groups and channels"},
    {"sec.comm_timeline", "Calendrier", "Tijdlijn", "Timeline"},
    {"sec.comm_objectives", "Actions par objectif de communication",
     "Acties per communicatiedoelstelling", "Actions per communication objective"},
    {"sec.comm_execution", "État d'exécution", "Stand van uitvoering", "Execution status"},

    /* ------------------------------------------------------------ introduction */
    {"about.evaluation", "Ce rapport présente l'évaluation de l'année {1} du plan suivant" NB ":",
     "Dit verslag bevat de evaluatie van het jaar {1} van het volgende plan:",
     "This report presents the evaluation of the year {1} of the following plan:"},
    {"about.period", "Période du plan" NB ": {1}-{2}. Évaluation arrêtée le {3}.",
     "Planperiode: {1}-{2}. Evaluatie afgesloten op {3}.",
     "Plan period: {1}-{2}. Evaluation closed on {3}."},
    {"about.history", "Les valeurs des années antérieures proviennent des évaluations de {1}.",
     "De waarden van de vorige jaren komen uit de evaluaties van {1}.",
     "Values of earlier years come from the evaluations of {1}."},
    {"about.status_rule",
     "Le statut de chaque indicateur est calculé à partir de sa norme et des valeurs "
     "mesurées" NB "; il n'est jamais saisi à la main. Il est indiqué par un symbole et un "
     "mot.",
     "De status van elke indicator wordt berekend uit zijn norm en de gemeten waarden; hij "
     "wordt nooit met de hand ingevoerd. Een symbool en een woord geven hem aan.",
     "Each indicator's status is computed from its norm and the measured values; it is never "
     "typed by hand. A symbol and a word show it."},
    {"about.standalone",
     "Ce rapport annuel ne se rapporte à aucun plan" NB ": il reprend les faits marquants et "
     "les chiffres clés de l'année {1}.",
     "Dit jaarverslag hoort bij geen plan: het bevat de hoogtepunten en kerncijfers van het "
     "jaar {1}.",
     "This annual report belongs to no plan: it gives the highlights and key figures of the "
     "year {1}."},
    {"about.published", "Date de publication" NB ": {1}.", "Publicatiedatum: {1}.",
     "Publication date: {1}."},
    {"about.communication",
     "Ce document résume le plan de communication du plan suivant" NB ":",
     "Dit document vat het communicatieplan samen van het volgende plan:",
     "This document summarises the communication plan of the following plan:"},
    {"about.comm_counts", "{1} actions, {2} objectifs de communication.",
     "{1} acties, {2} communicatiedoelstellingen.", "{1} actions, {2} communication objectives."},
    {"about.comm_execution", "L'état d'exécution est celui de l'évaluation {1}.",
     "De stand van uitvoering is die van de evaluatie {1}.",
     "The execution status is that of the {1} evaluation."},
    {"about.placeholders",
     "{1} mention(s) laissée(s) en attente par la source sont reproduites telles quelles et "
     "signalées comme à compléter.",
     "{1} vermelding(en) die de bron open liet, worden ongewijzigd weergegeven en als in te "
     "vullen gemarkeerd.",
     "{1} item(s) the source left unresolved are shown as they are and flagged as to be "
     "completed."},
    {"comm.no_plan", "Ce plan ne contient pas de plan de communication.",
     "Dit plan bevat geen communicatieplan.", "This plan contains no communication plan."},
    {"comm.no_actions", "Aucune action de communication n'est prévue.",
     "Er zijn geen communicatieacties gepland.", "No communication action is planned."},

    /* ------------------------------------------------------------ indicator statuses */
    {"ind.met", "Atteint", "Behaald", "Met"},
    {"ind.partially-met", "Partiellement atteint", "Gedeeltelijk behaald", "Partially met"},
    {"ind.not-met", "Non atteint", "Niet behaald", "Not met"},
    {"ind.delivered", "Réalisé", "Gerealiseerd", "Delivered"},
    {"ind.not-delivered", "Non réalisé", "Niet gerealiseerd", "Not delivered"},
    {"ind.not-measured", "Non mesuré", "Niet gemeten", "Not measured"},
    {"ind.norm-undefined", "Norme à définir", "Norm nog te bepalen", "Norm not yet defined"},
    {"ind.legend.met", "la valeur atteint la norme (seuil compris)",
     "de waarde haalt de norm (drempel inbegrepen)", "the value reaches the norm (threshold included)"},
    {"ind.legend.partially-met", "norme à paliers" NB ": une partie des seuils est atteinte",
     "getrapte norm: een deel van de drempels is gehaald",
     "tiered norm: some thresholds are reached"},
    {"ind.legend.not-met", "la valeur n'atteint pas la norme", "de waarde haalt de norm niet",
     "the value does not reach the norm"},
    {"ind.legend.delivered", "livrable remis (valeur 1)", "resultaat opgeleverd (waarde 1)",
     "deliverable handed in (value 1)"},
    {"ind.legend.not-delivered", "livrable non remis (valeur 0)",
     "resultaat niet opgeleverd (waarde 0)", "deliverable not handed in (value 0)"},
    {"ind.legend.not-measured", "aucune valeur mesurée cette année",
     "geen waarde gemeten dit jaar", "no value measured this year"},
    {"ind.legend.norm-undefined", "la norme n'est pas encore fixée" NB ": pas de jugement",
     "de norm is nog niet vastgelegd: geen oordeel", "the norm is not set yet: no judgement"},
    {"ind.thresholds", "{1} seuil(s) sur {2}", "{1} van {2} drempel(s)", "{1} of {2} thresholds"},
    {"value.yes", "Oui", "Ja", "Yes"},
    {"value.no", "Non", "Nee", "No"},

    /* ------------------------------------------------------------ progress */
    {"progress.not-started", "Non démarré", "Niet gestart", "Not started"},
    {"progress.on-track", "Dans les temps", "Op schema", "On track"},
    {"progress.late", "En retard", "Vertraagd", "Late"},
    {"progress.done", "Terminé", "Afgerond", "Done"},
    {"progress.cancelled", "Abandonné", "Stopgezet", "Cancelled"},
    {"progress.unreported", "Pas de suivi", "Geen opvolging", "Not reported"},
    {"milestone.done", "atteint", "bereikt", "reached"},
    {"milestone.open", "non atteint", "niet bereikt", "not reached"},

    /* ------------------------------------------------------------ risks */
    {"trend.up", "En hausse", "Stijgend", "Rising"},
    {"trend.stable", "Stable", "Stabiel", "Stable"},
    {"trend.down", "En baisse", "Dalend", "Falling"},
    {"trend.new", "Nouveau", "Nieuw", "New"},
    {"trend.closed", "Clôturé", "Afgesloten", "Closed"},
    {"trend.unreported", "Non revu", "Niet herzien", "Not reviewed"},
    {"risks.review", "Revue {1} du registre des risques" NB ": rang de l'année et évolution.",
     "Herziening {1} van het risicoregister: rang van het jaar en evolutie.",
     "{1} review of the risk register: rank of the year and trend."},
    {"risks.rank_rule", "Rang 1" NB ": risque le plus élevé.", "Rang 1: hoogste risico.",
     "Rank 1: highest risk."},

    /* ------------------------------------------------------------ communication statuses */
    {"comm.planned", "Prévu", "Gepland", "Planned"},
    {"comm.done", "Réalisé", "Uitgevoerd", "Done"},
    {"comm.late", "En retard", "Vertraagd", "Late"},
    {"comm.cancelled", "Annulé", "Geannuleerd", "Cancelled"},
    {"comm.unreported", "Pas de suivi", "Geen opvolging", "Not reported"},
    {"msg.main", "Message principal", "Hoofdboodschap", "Main message"},
    {"msg.secondary", "Message secondaire", "Nevenboodschap", "Secondary message"},
    {"timing.date", "Date", "Datum", "Date"},
    {"timing.relative", "Moment relatif", "Relatief moment", "Relative moment"},
    {"timing.placeholder", "À compléter", "In te vullen", "To be completed"},
    {"timing.none", "Non précisé", "Niet bepaald", "Not specified"},
    {"comm.placeholder", "mention laissée en attente dans la source",
     "vermelding die de bron open liet", "item left unresolved by the source"},
    {"comm.matrix_rule", "Chaque case donne les numéros des actions qui touchent le groupe "
     "cible par le canal.",
     "Elke cel geeft de nummers van de acties die de doelgroep via het kanaal bereiken.",
     "Each cell gives the numbers of the actions reaching the target group through the "
     "channel."},
    {"comm.not_targeted", "Sans groupe cible", "Zonder doelgroep", "No target group"},
    {"comm.no_channel", "Sans canal", "Zonder kanaal", "No channel"},
    {"comm.no_objective", "Sans objectif", "Zonder doelstelling", "No objective"},

    /* ------------------------------------------------------------ table headers */
    {"col.number", "N°", "Nr.", "No."},
    {"col.indicator", "Indicateur", "Indicator", "Indicator"},
    {"col.norm", "Norme", "Norm", "Norm"},
    {"col.status", "Statut", "Status", "Status"},
    {"col.progress", "Avancement", "Voortgang", "Progress"},
    {"col.owners", "Responsables", "Verantwoordelijken", "Owners"},
    {"col.due", "Échéance", "Termijn", "Due"},
    {"col.milestones", "Jalons", "Mijlpalen", "Milestones"},
    {"col.project", "Projet", "Project", "Project"},
    {"col.action_item", "Projet ou processus", "Project of proces", "Project or process"},
    {"col.ambition", "Ambition", "Ambitie", "Ambition"},
    {"col.objective", "Objectif", "Doelstelling", "Objective"},
    {"col.element", "Élément", "Element", "Item"},
    {"col.count", "Nombre", "Aantal", "Count"},
    {"col.risk", "Risque", "Risico", "Risk"},
    {"col.code", "Code", "Code", "Code"},
    {"col.rank_plan", "Rang (plan)", "Rang (plan)", "Rank (plan)"},
    {"col.rank_year", "Rang {1}", "Rang {1}", "Rank {1}"},
    {"col.trend", "Évolution", "Evolutie", "Trend"},
    {"col.domain", "Domaine de risque", "Risicodomein", "Risk domain"},
    {"col.objectives", "Objectifs", "Doelstellingen", "Objectives"},
    {"col.line", "Poste", "Post", "Item"},
    {"col.planned", "Prévu (plan)", "Gepland (plan)", "Planned (plan)"},
    {"col.adjusted", "Ajusté", "Aangepast", "Adjusted"},
    {"col.committed", "Engagé", "Vastgelegd", "Committed"},
    {"col.liquidated", "Liquidé", "Vereffend", "Liquidated"},
    {"col.rate", "Taux d'exécution", "Uitvoeringsgraad", "Execution rate"},
    {"col.variance", "Écart", "Verschil", "Variance"},
    {"col.executed", "Exécuté", "Uitgevoerd", "Executed"},
    {"col.table", "Tableau", "Tabel", "Table"},
    {"col.credit", "Crédits", "Kredieten", "Credits"},
    {"col.target_groups", "Groupes cibles", "Doelgroepen", "Target groups"},
    {"col.message", "Message", "Boodschap", "Message"},
    {"col.channels", "Canaux", "Kanalen", "Channels"},
    {"col.material", "Supports", "Dragers", "Material"},
    {"col.responsible", "Responsable", "Verantwoordelijke", "Responsible"},
    {"col.timing", "Calendrier", "Timing", "Timing"},
    {"col.date", "Date", "Datum", "Date"},
    {"col.reach", "Portée", "Bereik", "Reach"},
    {"col.definition", "Définition", "Definitie", "Definition"},
    {"col.measure", "Mesure", "Meting", "Measurement"},
    {"col.abbr", "Abréviation", "Afkorting", "Abbreviation"},
    {"col.meaning", "Signification", "Betekenis", "Meaning"},
    {"col.moment", "Moment", "Moment", "Moment"},
    {"col.kind", "Type", "Soort", "Kind"},
    {"col.actions", "Actions", "Acties", "Actions"},
    {"col.total", "Total", "Totaal", "Total"},
    {"col.symbol", "Symbole", "Symbool", "Symbol"},
    {"col.name", "Nom", "Naam", "Name"},

    /* ------------------------------------------------------------ inline labels */
    {"label.status", "Statut", "Status", "Status"},
    {"label.progress", "Avancement", "Voortgang", "Progress"},
    {"label.owners", "Responsables", "Verantwoordelijken", "Owners"},
    {"label.unit", "Unité", "Eenheid", "Unit"},
    {"label.direction", "Sens souhaité", "Gewenste richting", "Desired direction"},
    {"label.frequency", "Fréquence", "Frequentie", "Frequency"},
    {"label.baseline", "Valeur de départ", "Beginwaarde", "Baseline"},
    {"caption.indicators", "Indicateurs de l'objectif {1}", "Indicatoren van doelstelling {1}",
     "Indicators of objective {1}"},
    {"caption.actions", "Projets et processus de l'objectif {1}",
     "Projecten en processen van doelstelling {1}", "Projects and processes of objective {1}"},
    {"caption.ambitions", "Ambitions de l'objectif {1}", "Ambities van doelstelling {1}",
     "Ambitions of objective {1}"},
    {"caption.projects", "Projets du plan", "Projecten van het plan", "Projects of the plan"},
    {"caption.key_processes", "Processus clés", "Kernprocessen", "Key processes"},
    {"caption.budget", "{1} – {2}", "{1} – {2}", "{1} – {2}"},
    {"caption.risks", "Registre des risques", "Risicoregister", "Risk register"},
    {"caption.risk_domains", "Domaines de risque", "Risicodomeinen", "Risk domains"},
    {"caption.comm_execution", "Exécution des actions de communication",
     "Uitvoering van de communicatieacties", "Execution of the communication actions"},
    {"caption.definitions", "Définitions des indicateurs", "Definities van de indicatoren",
     "Indicator definitions"},
    {"caption.abbreviations", "Abréviations", "Afkortingen", "Abbreviations"},
    {"caption.legend", "Statuts des indicateurs", "Statussen van de indicatoren",
     "Indicator statuses"},
    {"caption.comm_actions", "Actions, groupes cibles et messages",
     "Acties, doelgroepen en boodschappen", "Actions, target groups and messages"},
    {"caption.comm_means", "Canaux, supports et responsables",
     "Kanalen, dragers en verantwoordelijken", "Channels, material and responsible"},
    {"caption.comm_matrix", "Groupes cibles × canaux", "Doelgroepen × kanalen",
     "Target groups × channels"},
    {"caption.comm_timeline", "Calendrier des actions", "Tijdlijn van de acties",
     "Timeline of the actions"},
    {"caption.comm_objectives", "Actions par objectif de communication",
     "Acties per communicatiedoelstelling", "Actions per communication objective"},
    {"caption.organisation", "Services de l'organisation", "Diensten van de organisatie",
     "Units of the organisation"},

    /* ------------------------------------------------------------ dashboard */
    {"dash.year", "L'année {1} en bref", "Het jaar {1} in het kort", "The year {1} at a glance"},
    {"dash.kf.indicators", "indicateurs atteints ou réalisés sur {1}",
     "indicatoren behaald of gerealiseerd op {1}", "indicators met or delivered out of {1}"},
    {"dash.kf.objectives", "objectifs stratégiques dans les temps ou terminés sur {1}",
     "strategische doelstellingen op schema of afgerond op {1}",
     "strategic objectives on track or done out of {1}"},
    {"dash.kf.projects", "projets terminés sur {1}", "projecten afgerond op {1}",
     "projects done out of {1}"},
    {"dash.kf.budget", "taux d'exécution" NB ": {1}", "uitvoeringsgraad: {1}",
     "execution rate: {1}"},
    {"dash.progress", "Avancement par type d'élément", "Voortgang per soort element",
     "Progress by kind of item"},
    {"dash.indicators", "Indicateurs par statut", "Indicatoren per status",
     "Indicators by status"},
    {"dash.budget", "Exécution du budget par tableau", "Begrotingsuitvoering per tabel",
     "Budget execution by table"},
    {"dash.chart.indicators", "Indicateurs par statut", "Indicatoren per status",
     "Indicators by status"},
    {"dash.chart.progress", "Avancement des objectifs et des projets",
     "Voortgang van doelstellingen en projecten", "Progress of objectives and projects"},

    {"kind.strategic", "Objectifs stratégiques", "Strategische doelstellingen",
     "Strategic objectives"},
    {"kind.operational", "Objectifs opérationnels", "Operationele doelstellingen",
     "Operational objectives"},
    {"kind.ambitions", "Ambitions", "Ambities", "Ambitions"},
    {"kind.projects", "Projets", "Projecten", "Projects"},
    {"kind.processes", "Processus", "Processen", "Processes"},
    {"kind.process", "Processus", "Proces", "Process"},

    /* ------------------------------------------------------------ budget */
    {"budget.intro",
     "Crédits prévus par le plan, ajustés en cours d'année, puis engagés et liquidés. Le taux "
     "d'exécution rapporte les engagements (crédits d'engagement, CE) ou les liquidations "
     "(autres crédits) au crédit ajusté" NB "; l'écart est la différence entre les deux.",
     "Kredieten volgens het plan, aangepast in de loop van het jaar, daarna vastgelegd en "
     "vereffend. De uitvoeringsgraad zet de vastleggingen (vastleggingskredieten, VAK) of de "
     "vereffeningen (andere kredieten) af tegen het aangepaste krediet; het verschil is het "
     "verschil tussen beide.",
     "Credits planned by the plan, adjusted during the year, then committed and liquidated. "
     "The execution rate compares commitments (commitment credits, CE) or liquidations (other "
     "credits) with the adjusted credit; the variance is the difference between the two."},
    {"budget.unit", "Montants en {1}.", "Bedragen in {1}.", "Amounts in {1}."},
    {"budget.total", "Total (calculé)", "Totaal (berekend)", "Total (computed)"},
    {"credit.CE", "CE", "VAK", "CE"},
    {"credit.CL", "CL", "VEK", "CL"},
    {"credit.none", "Crédits", "Kredieten", "Credits"},
    {"unit.keur", "milliers d'euros (k€)", "duizend euro (k€)", "thousands of euros (k€)"},
    {"unit.eur", "euros (€)", "euro (€)", "euros (€)"},
    {"unit.fte", "équivalents temps plein (ETP)", "voltijdse equivalenten (VTE)",
     "full-time equivalents (FTE)"},
    {"unit.count", "unités", "eenheden", "units"},

    /* ------------------------------------------------------------ abbreviations */
    {"abbr.CE", "crédits d'engagement", "vastleggingskredieten (VAK)", "commitment credits"},
    {"abbr.CL", "crédits de liquidation", "vereffeningskredieten (VEK)",
     "liquidation credits"},
    {"abbr.keur", "milliers d'euros", "duizend euro", "thousands of euros"},
    {"abbr.fte", "équivalent temps plein", "voltijds equivalent", "full-time equivalent"},
    {"abbr.fte_short", "ETP", "VTE", "FTE"},

    /* ------------------------------------------------------------ indicator units */
    {"iunit.day", "jours", "dagen", "days"},
    {"iunit.second", "s", "s", "s"},
    {"iunit.days-per-fte", "jours/ETP", "dagen/VTE", "days/FTE"},
    {"iunit.week", "semaines", "weken", "weeks"},
    {"iunit.month", "mois", "maanden", "months"},
    {"iunit.percent", "pour cent", "procent", "percent"},
    {"iunit.count", "nombre", "aantal", "count"},
    {"iunit.deliverable", "livrable (oui/non)", "resultaat (ja/nee)", "deliverable (yes/no)"},
    {"within.working-day", "jours ouvrables", "werkdagen", "working days"},
    {"within.working-day.1", "jour ouvrable", "werkdag", "working day"},
    {"within.day", "jours", "dagen", "days"},
    {"within.day.1", "jour", "dag", "day"},
    {"within.calendar-day", "jours calendrier", "kalenderdagen", "calendar days"},
    {"within.calendar-day.1", "jour calendrier", "kalenderdag", "calendar day"},
    {"within.week", "semaines", "weken", "weeks"},
    {"within.week.1", "semaine", "week", "week"},
    {"within.month", "mois", "maanden", "months"},
    {"within.month.1", "mois", "maand", "month"},
    {"within.year", "ans", "jaar", "years"},
    {"within.year.1", "an", "jaar", "year"},
    {"within.in", "en {1}", "binnen {1}", "within {1}"},
    {"dir.increase", "à la hausse", "stijgend", "upward"},
    {"dir.decrease", "à la baisse", "dalend", "downward"},
    {"dir.none", "aucun", "geen", "none"},
    {"freq.unspecified", "non précisée", "niet bepaald", "not specified"},
    {"freq.monthly", "mensuelle", "maandelijks", "monthly"},
    {"freq.quarterly", "trimestrielle", "driemaandelijks", "quarterly"},
    {"freq.semiannual", "semestrielle", "halfjaarlijks", "half-yearly"},
    {"freq.annual", "annuelle", "jaarlijks", "annual"},
    {"freq.biennial", "biennale", "tweejaarlijks", "biennial"},
    {"freq.once", "unique", "eenmalig", "once"},

    /* ------------------------------------------------------------ key figures */
    {"qual.min", "au minimum", "minstens", "at least"},
    {"qual.approx", "environ", "ongeveer", "about"},
    {"qual.max", "jusqu'à", "tot", "up to"},
    {"scale.million", "million", "miljoen", "million"},
    {"scale.millions", "millions", "miljoen", "million"},
    {"scale.billion", "milliard", "miljard", "billion"},
    {"scale.billions", "milliards", "miljard", "billion"},
    {"fig.eur_millions", "d'euros", "euro", "euros"},
    {"fig.days", "jours", "dagen", "days"},
    {"fig.day", "jour", "dag", "day"},

    /* ------------------------------------------------------------ narrative */
    {"media.photo", "Photo", "Foto", "Photo"},
    {"media.video", "Vidéo", "Video", "Video"},
    {"media.chart", "Graphique", "Grafiek", "Chart"},
    {"media.organigram", "Organigramme", "Organigram", "Organisation chart"},
    {"media.missing", "(non disponible dans la source)", "(niet beschikbaar in de bron)",
     "(not available in the source)"},
    {"section.pending", "Section laissée en attente dans la source.",
     "Sectie die de bron nog niet invulde.", "Section the source left to be written."},

    /* ------------------------------------------------------------ organisation units */
    {"unitkind.directorate-general", "Directions générales", "Directoraten-generaal",
     "Directorates-general"},
    {"unitkind.support-service", "Services d'encadrement", "Stafdiensten", "Support services"},
    {"unitkind.service", "Services", "Diensten", "Services"},
    {"unitkind.cell", "Cellules", "Cellen", "Cells"},
    {"unitkind.board", "Organes de direction", "Directieorganen", "Boards"},
    {"unitkind.hosted-body", "Organismes hébergés", "Gehoste instellingen", "Hosted bodies"},
    {"unitkind.all-units", "Ensemble des services", "Alle diensten", "All units"},
    {"unitkind.person", "Personnes", "Personen", "Persons"},
};

#define LABEL_COUNT (sizeof LABELS / sizeof LABELS[0])

static const struct label *find(const char *key)
{
    for (size_t i = 0; key && i < LABEL_COUNT; i++)
        if (strcmp(LABELS[i].key, key) == 0)
            return &LABELS[i];
    return NULL;
}

const char *rp_report_label(enum rp_lang lang, const char *key)
{
    const struct label *l = find(key);
    if (!l)
        return key ? key : "";
    switch (lang) {
    case RP_LANG_FR:
        return l->fr;
    case RP_LANG_NL:
        return l->nl;
    default:
        return l->en;
    }
}

bool rp_report_label_exists(const char *key)
{
    return find(key) != NULL;
}

const char *rp_report_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3)
{
    const char *text = rp_report_label(lang, key);
    const char *args[3] = {a1, a2, a3};
    /* A slot may occur more than once: measure in a first pass. */
    size_t len = 1;
    for (const char *p = text; *p; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            const char *a = args[p[1] - '1'];
            len += a ? strlen(a) : 0;
            p += 2;
        } else {
            len++;
        }
    }
    char *out = rp_arena_alloc(arena, len);
    char *o = out;
    for (const char *p = text; *p;) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            const char *a = args[p[1] - '1'];
            size_t n = a ? strlen(a) : 0;
            memcpy(o, a ? a : "", n);
            o += n;
            p += 3;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

size_t rp_report_label_count(void)
{
    return LABEL_COUNT;
}

void rp_report_label_entry(size_t i, const char **key, const char **fr, const char **nl,
                           const char **en)
{
    const struct label *l = i < LABEL_COUNT ? &LABELS[i] : NULL;
    *key = l ? l->key : NULL;
    *fr = l ? l->fr : NULL;
    *nl = l ? l->nl : NULL;
    *en = l ? l->en : NULL;
}
