#include "build/labels.h"

#include "util/arena.h"

#include <string.h>

struct entry {
    const char *key, *text[RP_LANG__MAX]; /* fr, nl, en */
};

/* Every fixed word the budget document prints. Typography: French puts a no-break space
 * before « : ; » and inside « », written here as \u00a0 (RP_NBSP). */
#define NB RP_NBSP
static const struct entry entries[] = {
    {"doc.title", {"Tableaux budgétaires", "Begrotingstabellen", "Budget tables"}},
    {"doc.contents", {"Table des matières", "Inhoudstafel", "Contents"}},
    {"doc.continued", {"(suite)", "(vervolg)", "(continued)"}},
    {"doc.page", {"Page", "Pagina", "Page"}},
    {"doc.sample", {"EXEMPLE", "VOORBEELD", "SPECIMEN"}},
    {"doc.edition", {"Édition française", "Nederlandstalige editie", "English edition"}},
    {"doc.subject",
     {"Tableaux budgétaires et de personnel" NB ": {1}", "Begrotings- en personeelstabellen: {1}",
      "Budget and staffing tables: {1}"}},
    {"doc.keywords",
     {"budget, personnel, {1}, {2}", "begroting, personeel, {1}, {2}",
      "budget, staffing, {1}, {2}"}},

    {"plan.strategic-plan", {"Plan stratégique", "Strategisch plan", "Strategic plan"}},
    {"plan.administration-contract",
     {"Contrat d'administration", "Bestuursovereenkomst", "Administration contract"}},
    {"plan.operational-plan", {"Plan opérationnel", "Operationeel plan", "Operational plan"}},

    {"sec.about", {"À propos de ce document", "Over dit document", "About this document"}},
    {"about.text",
     {"Ce document reprend, tels que le plan les énonce, les tableaux budgétaires et de "
      "personnel du document «" NB "{1}" NB "» du {2}.",
      "Dit document neemt de begrotings- en personeelstabellen over van het document ‘{1}’ van "
      "{2}, zoals het plan ze vermeldt.",
      "This document reproduces the budget and staffing tables of “{1}” of {2}, as the plan "
      "states them."}},
    {"about.units",
     {"Chaque tableau garde l'unité et l'échelle du plan (k€, €, ETP)" NB "; les nombres suivent "
      "la présentation belge (1.816.852" NB "; 5.919,97) et «" NB "-" NB "» indique une valeur "
      "absente, distincte de zéro.",
      "Elke tabel behoudt de eenheid en de schaal van het plan (k€, €, VTE); de getallen volgen "
      "de Belgische notatie (1.816.852; 5.919,97) en ‘-’ staat voor een ontbrekende waarde, die "
      "verschilt van nul.",
      "Each table keeps the plan's unit and scale (k€, €, FTE); numbers follow Belgian usage "
      "(1.816.852; 5.919,97) and “-” marks a missing value, which is not zero."}},
    {"about.totals",
     {"Chaque sous-total et total est recalculé. Lorsqu'un total indiqué diffère du total "
      "calculé, la cellule est signalée et les deux montants sont donnés" NB "; les montants "
      "indiqués ne sont jamais corrigés.",
      "Elk subtotaal en totaal wordt herberekend. Wanneer een vermeld totaal afwijkt van het "
      "berekende totaal, wordt de cel gemarkeerd en worden beide bedragen vermeld; de vermelde "
      "bedragen worden nooit gecorrigeerd.",
      "Every subtotal and total is recomputed. Where a stated total differs from the computed "
      "one, the cell is flagged and both amounts are given; stated amounts are never corrected."}},
    {"about.lang",
     {"Les libellés que le plan ne donne qu'en {1} sont repris dans cette langue.",
      "Opschriften die het plan alleen in het {1} geeft, worden in die taal overgenomen.",
      "Labels the plan gives only in {1} are shown in that language."}},
    {"lang.fr", {"français", "Frans", "French"}},
    {"lang.nl", {"néerlandais", "Nederlands", "Dutch"}},
    {"lang.en", {"anglais", "Engels", "English"}},
    {"lang.de", {"allemand", "Duits", "German"}},

    {"sec.checks", {"Contrôle des totaux", "Controle van de totalen", "Check of the totals"}},
    {"checks.intro",
     {"Le tableau ci-dessous résume, pour chaque tableau du plan, le contrôle de ses sous-totaux "
      "et totaux.",
      "De onderstaande tabel vat voor elke tabel van het plan de controle van de subtotalen en "
      "totalen samen.",
      "The table below sums up the check of the subtotals and totals of every table of the "
      "plan."}},
    {"checks.caption",
     {"Résultat du contrôle", "Resultaat van de controle", "Result of the check"}},
    {"checks.col.table", {"Tableau", "Tabel", "Table"}},
    {"checks.col.unit", {"Unité", "Eenheid", "Unit"}},
    {"checks.col.rows", {"Lignes", "Lijnen", "Rows"}},
    {"checks.col.result", {"Totaux", "Totalen", "Totals"}},
    {"checks.ok", {"conformes", "kloppen", "consistent"}},
    {"checks.none", {"aucun total", "geen totaal", "no total"}},
    {"checks.diff.one", {"1 écart", "1 verschil", "1 difference"}},
    {"checks.diff.many", {"{1} écarts", "{1} verschillen", "{1} differences"}},

    {"sec.budget", {"Budget", "Begroting", "Budget"}},
    {"sec.staffing", {"Personnel", "Personeel", "Staffing"}},
    {"table.caption", {"Tableau {1} – {2}", "Tabel {1} – {2}", "Table {1} – {2}"}},
    {"unit.keur",
     {"montants en milliers d'euros (k€)", "bedragen in duizend euro (k€)",
      "amounts in thousands of euros (k€)"}},
    {"unit.eur", {"montants en euros (€)", "bedragen in euro (€)", "amounts in euros (€)"}},
    {"unit.meur",
     {"montants en millions d'euros (M€)", "bedragen in miljoen euro (M€)",
      "amounts in millions of euros (M€)"}},
    {"unit.eur.scaled",
     {"montants en euros, par {1}", "bedragen in euro, per {1}", "amounts in euros, by {1}"}},
    {"unit.fte",
     {"effectifs en équivalents temps plein (ETP)",
      "personeelsbestand in voltijdse equivalenten (VTE)", "staff in full-time equivalents (FTE)"}},
    {"unit.count", {"nombres", "aantallen", "counts"}},
    {"short.fte", {"ETP", "VTE", "FTE"}},
    {"credit.CE", {"CE", "VK", "CE"}},
    {"credit.CL", {"CL", "VEK", "CL"}},
    {"credit.CE.long",
     {"crédits d'engagement (CE)", "vastleggingskredieten (VK)", "commitment credits (CE)"}},
    {"credit.CL.long",
     {"crédits de liquidation (CL)", "vereffeningskredieten (VEK)", "liquidation credits (CL)"}},
    {"credit.legend",
     {"CE" NB ": crédits d'engagement" NB "; CL" NB ": crédits de liquidation.",
      "VK: vastleggingskredieten; VEK: vereffeningskredieten.",
      "CE: commitment credits; CL: liquidation credits."}},

    {"evol.caption",
     {"Tableau {1} – évolution annuelle, en %", "Tabel {1} – jaarlijkse evolutie, in %",
      "Table {1} – year-on-year change, in %"}},
    {"evol.header", {"Évolution annuelle", "Jaarlijkse evolutie", "Year-on-year change"}},
    {"evol.note",
     {"Évolution par rapport à l'année précédente" NB "; «" NB "-" NB "» lorsque l'une des deux "
      "valeurs manque ou que la précédente est nulle.",
      "Evolutie ten opzichte van het vorige jaar; ‘-’ wanneer een van beide waarden ontbreekt of "
      "de vorige nul is.",
      "Change from the previous year; “-” where either value is missing or the previous one is "
      "zero."}},

    {"diff.detail", {"calculé" NB ": {1}", "berekend: {1}", "computed: {1}"}},
    {"diff.row",
     {"{1}" NB ": le total indiqué diffère de la somme des lignes" NB ": {2}. Les montants "
      "indiqués sont repris tels quels.",
      "{1}: het vermelde totaal verschilt van de som van de lijnen: {2}. De vermelde bedragen "
      "worden ongewijzigd overgenomen.",
      "{1}: the stated total differs from the sum of the rows: {2}. Stated amounts are kept as "
      "they are."}},
    {"diff.column",
     {"{1}" NB ": la colonne «" NB "{2}" NB "» diffère de la somme de ses composantes" NB ": {3}.",
      "{1}: de kolom ‘{2}’ verschilt van de som van haar onderdelen: {3}.",
      "{1}: the column “{2}” differs from the sum of its parts: {3}."}},
    {"diff.item",
     {"{1}" NB ": indiqué" NB "{2}, calculé" NB "{3}", "{1}: vermeld" NB "{2}, berekend" NB "{3}",
      "{1}: stated" NB "{2}, computed" NB "{3}"}},
    {"diff.gap", {"écart" NB "{1}", "verschil" NB "{1}", "difference" NB "{1}"}},
    {"diff.sep", {NB "; ", "; ", "; "}},

    {"chart.distribution",
     {"Répartition {1} ({2})", "Verdeling {1} ({2})", "Distribution {1} ({2})"}},
    {"chart.evolution",
     {"Évolution {1}–{2} ({3})", "Evolutie {1}–{2} ({3})", "Change {1}–{2} ({3})"}},
    {"chart.evolution.computed",
     {"Évolution {1}–{2} ({3}, somme des lignes)", "Evolutie {1}–{2} ({3}, som van de lijnen)",
      "Change {1}–{2} ({3}, sum of the rows)"}},
    {"chart.others", {"Autres", "Overige", "Others"}},
    {"chart.total", {"Total", "Totaal", "Total"}},
    {"chart.desc.distribution",
     {"Graphique en anneau" NB ": part de chaque ligne du tableau {1} en {2}.",
      "Ringdiagram: aandeel van elke lijn van tabel {1} in {2}.",
      "Donut chart: share of each row of table {1} in {2}."}},
    {"chart.desc.evolution",
     {"Graphique à barres" NB ": total du tableau {1} par année.",
      "Staafdiagram: totaal van tabel {1} per jaar.", "Bar chart: total of table {1} by year."}},
};
#undef NB

#define ENTRY_COUNT (sizeof entries / sizeof entries[0])

static const struct entry *find(const char *key)
{
    for (size_t i = 0; i < ENTRY_COUNT; i++)
        if (strcmp(entries[i].key, key) == 0)
            return &entries[i];
    return NULL;
}

const char *rp_budget_label(enum rp_lang lang, const char *key)
{
    const struct entry *e = find(key);
    if (!e)
        return key;
    if (lang >= RP_LANG__MAX)
        lang = RP_LANG_EN;
    return e->text[lang] ? e->text[lang] : key;
}

bool rp_budget_label_complete(const char *key)
{
    const struct entry *e = find(key);
    if (!e)
        return false;
    for (int l = 0; l < RP_LANG__MAX; l++)
        if (!e->text[l] || !*e->text[l])
            return false;
    return true;
}

const char *rp_budget_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3)
{
    const char *tpl = rp_budget_label(lang, key);
    const char *args[3] = {a1 ? a1 : "", a2 ? a2 : "", a3 ? a3 : ""};
    size_t n = 0;
    for (const char *p = tpl; *p; p++)
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            n += strlen(args[p[1] - '1']);
            p += 2;
        } else
            n++;
    char *out = rp_arena_alloc(arena, n + 1), *q = out;
    for (const char *p = tpl; *p; p++)
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            const char *a = args[p[1] - '1'];
            memcpy(q, a, strlen(a));
            q += strlen(a);
            p += 2;
        } else
            *q++ = *p;
    *q = '\0';
    return out;
}

size_t rp_budget_label_count(void)
{
    return ENTRY_COUNT;
}

const char *rp_budget_label_key(size_t i)
{
    return i < ENTRY_COUNT ? entries[i].key : NULL;
}
