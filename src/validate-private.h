/* bdx — validate, internal: the parsed rules, the arithmetic of a check,
 * and the kinds of checks, shared by the src/validate*.c files.
 *
 *   validate.c           the entry points, the arithmetic (BdxTerm,
 *                        tolerances, emitting a check), rows and refs
 *   validate-rules.c     reading the rules from the pattern set
 *   validate-tables.c    row_sum, column_sum, hierarchy, codes
 *   validate-refs.c      equal, fact_equal, fact_share
 *   validate-projects.c  project_vs_table, allocation_sum, performance_funds
 *
 * Ownership: a BdxRule owns its strings and arrays; BdxPattern pointers
 * in it are borrowed from the pattern set, which outlives the rules.
 * Rows and tables reached while checking are borrowed from the
 * disclosure.
 */
#ifndef BDX_VALIDATE_PRIVATE_H
#define BDX_VALIDATE_PRIVATE_H

#include "bdx/validate.h"

G_BEGIN_DECLS

typedef enum
{
  BDX_RULE_ROW_SUM,
  BDX_RULE_COLUMN_SUM,
  BDX_RULE_HIERARCHY,
  BDX_RULE_EQUAL,
  BDX_RULE_FACT_EQUAL,
  BDX_RULE_FACT_SHARE,
  BDX_RULE_PROJECT_TABLE,
  BDX_RULE_ALLOCATION_SUM,
  BDX_RULE_PERFORMANCE_FUNDS,
  BDX_RULE_CODES,
} BdxRuleKind;

/* Which rows of a table a selector picks. */
typedef enum
{
  BDX_SEL_NONE = 0,
  BDX_SEL_TOTAL,   /* "@total": the total row of the side */
  BDX_SEL_UNCODED, /* "@uncoded": item rows with neither code nor project */
  BDX_SEL_CODE,    /* "#201": the rows with this code */
  BDX_SEL_BOUND,   /* "#*": the rows with the code being iterated */
  BDX_SEL_NAME,    /* a literal name or a regex on the name */
} BdxSelKind;

typedef struct
{
  BdxSelKind kind;
  char *code;             /* BDX_SEL_CODE */
  const BdxPattern *name; /* BDX_SEL_NAME; borrowed */
} BdxRowSel;

/* One amount a rule refers to: a fact, or a table cell (or the sum of
 * the cells a row selector picks in one column). */
typedef struct
{
  gboolean optional; /* "?": an absent table or fact counts as blank */
  char *fact;        /* fact key, or NULL for a table reference */
  gboolean bound;    /* fact key "KEY.*": KEY "." the iterated code */
  char *table;
  BdxSide side;
  BdxRowSel row;
  char *column;
} BdxRef;

typedef enum
{
  BDX_EACH_NONE = 0,
  BDX_EACH_CODE, /* every code of the tables that "#*" refers to */
  BDX_EACH_FACT, /* every fact key "PREFIX.CODE" */
} BdxEach;

typedef struct
{
  BdxRuleKind kind;
  char *section;
  char *id;         /* may hold "*", replaced by the iterated code */
  char *message;    /* NULL: the kind's default */
  const char *file; /* of the section's first entry, for messages */
  int line;

  /* The table a table-scoped kind works on. */
  char *table;
  BdxSide side;

  /* row_sum: total column = Σ part columns. */
  char *total_column;
  GPtrArray *part_columns; /* of char* */

  /* column_sum: total row = Σ part rows, in each column. */
  BdxRowSel total_row;
  GPtrArray *part_rows; /* of BdxRowSel* */

  /* column_sum, hierarchy: the columns, NULL = every column of the side */
  GPtrArray *columns; /* of char* */

  /* hierarchy, codes: the code lengths of the levels (3 5 7) */
  GArray *lengths;         /* of int */
  gboolean with_total;     /* hierarchy: also total = Σ first level */
  char *level_messages[4]; /* hierarchy: total, 1→2, 2→3, 3→projects */

  /* equal, fact_equal: Σ left (actual) against Σ right (expected) */
  GPtrArray *left, *right; /* of BdxRef* */
  gboolean at_least;       /* relation ">=": actual ≥ expected */
  BdxEach each;
  char *each_fact; /* BDX_EACH_FACT: the key prefix */
  GArray *levels;  /* BDX_EACH_CODE: code lengths to iterate, NULL = all */

  /* fact_share */
  char *fact;       /* key, "KEY.*" iterates */
  GPtrArray *bases; /* of GPtrArray* of BdxRef*: alternatives */

  /* codes: the tables; project_vs_table, performance_funds: where
   * projects are listed (table refs with row unused) */
  GPtrArray *tables; /* of BdxRef* */
  char *project_column;

  /* performance_funds: the department's funds, alternatives */
  GPtrArray *department; /* of GPtrArray* of BdxRef* */
} BdxRule;

/* A running sum of printed amounts: the sum, the rounding it may carry
 * (Σ half units), and how many amounts were present. */
typedef struct
{
  gint64 sum;
  gint64 tol;
  guint present;
} BdxTerm;

typedef struct
{
  BdxDisclosure *d;
  const BdxPatterns *patterns;
  GHashTable *table_decimals; /* BdxTable* → finest decimals + 1 */
  BdxUnit narrative_unit;
  int narrative_decimals; /* finest decimals of the tables in that unit */
  GPtrArray *out;         /* of BdxCheck* */
  /* `each = code`: the name the iterated code has in the tables that
   * print it, for the tables that list classes by name only; borrowed */
  const char *bound_name;
} BdxVContext;

/* ---- validate-rules.c -------------------------------------------------- */

/* The rules of p (sections prefix KIND.NAME), in order: an owned array
 * of owned BdxRule *, or NULL with BDX_ERROR_PATTERN. */
GPtrArray *bdx__parse_rules (const BdxPatterns *p, const char *prefix,
                             GError **error);

/* ---- validate.c: arithmetic and emission ------------------------------ */

void bdx__term_add (BdxTerm *t, gint64 fen, gint64 half);
void bdx__term_add_cell (BdxVContext *cx, BdxTerm *t, const BdxTable *table,
                         const BdxRow *row, int column);
/* An amount of the text, in the text's unit (BdxValidateOptions), or in
 * unit when the text printed another one. */
void bdx__term_add_text (BdxVContext *cx, BdxTerm *t, BdxMoney m);
void bdx__term_add_text_in (BdxVContext *cx, BdxTerm *t, BdxMoney m,
                            BdxUnit unit);
BdxUnit bdx__fact_unit (const BdxFact *f);
gint64 bdx__half_unit (BdxMoney m, BdxUnit unit, int finest_decimals);

/* Compares actual with expected and appends a check, unless every
 * amount is blank.  Returns the check (borrowed) or NULL. */
BdxCheck *bdx__emit (BdxVContext *cx, const BdxRule *rule, const char *code,
                     const char *table, const char *row, const char *column,
                     const BdxTerm *actual, const BdxTerm *expected,
                     gboolean at_least, const char *message);
/* Appends a check with a given status and no amounts (codes). */
BdxCheck *bdx__emit_status (BdxVContext *cx, const char *id, const char *table,
                            const char *row, const char *column,
                            BdxCheckStatus status, const char *message);

/* ---- validate.c: tables and rows -------------------------------------- */

/* The index of column id within the columns of side, or -1. */
int bdx__column_index (const BdxTable *t, const char *id, BdxSide side);
BdxMoney bdx__row_value (const BdxRow *row, int index);
gboolean bdx__row_on_side (const BdxRow *row, BdxSide side);
/* The label of a row in a check: its project, else code, else name. */
const char *bdx__row_label (const BdxRow *row);
/* The rows sel picks, in table order (borrowed rows, owned array). */
GPtrArray *bdx__select_rows (const BdxTable *t, BdxSide side,
                             const BdxRowSel *sel, const char *bound);
gboolean bdx__name_matches (const BdxPattern *e, const char *name);
/* Whitespace-free form of a name, for comparing names; owned. */
char *bdx__name_key (const char *name);
gboolean bdx__code_is_digits (const char *code);
/* Does the table print a code in any row of side? */
gboolean bdx__table_has_codes (const BdxTable *t, BdxSide side);
/* A class's name for comparing across tables: without blanks and
 * without the enumeration before it ("八、社会保障和就业支出" →
 * "社会保障和就业支出"; [checks] class_name_strip); owned. */
char *bdx__class_name_key (const BdxVContext *cx, const char *name);
const BdxFact *bdx__lookup_fact (const BdxDisclosure *d, const char *key);

/* ---- the kinds --------------------------------------------------------- */

void bdx__check_row_sum (BdxVContext *cx, const BdxRule *rule);
void bdx__check_column_sum (BdxVContext *cx, const BdxRule *rule);
void bdx__check_hierarchy (BdxVContext *cx, const BdxRule *rule);
void bdx__check_codes (BdxVContext *cx, const BdxRule *rule);
void bdx__check_equal (BdxVContext *cx, const BdxRule *rule);
void bdx__check_fact_share (BdxVContext *cx, const BdxRule *rule);
void bdx__check_project_table (BdxVContext *cx, const BdxRule *rule);
void bdx__check_allocation_sum (BdxVContext *cx, const BdxRule *rule);
void bdx__check_performance_funds (BdxVContext *cx, const BdxRule *rule);

/* Resolves refs (Σ) into t.  FALSE when a non-optional table or fact is
 * absent, or every reference is optional and absent: the check does not
 * apply.  *anchor_* receive the first table
 * cell referred to (table id, row label, column id), borrowed. */
gboolean bdx__resolve_refs (BdxVContext *cx, const GPtrArray *refs,
                            const char *bound, BdxTerm *t,
                            const char **anchor_table, const char **anchor_row,
                            const char **anchor_column);

G_END_DECLS

#endif
