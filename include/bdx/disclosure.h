/* bdx — the disclosure model: what the pipeline extracts from one document.
 *
 * This is the in-memory form of the contract `bdx.disclosure/1`
 * (docs/output-format.md): emit writes it as JSON, the JSON reader
 * reads it back, validate checks it.  Plain structs, owned as a tree:
 * bdx_disclosure_free() frees everything below it.  Every `char *` is
 * owned UTF-8 (NFKC-normalized text as printed) or NULL where the
 * document does not state it; every GPtrArray owns its elements (it was
 * created with the element's free function).
 */
#ifndef BDX_DISCLOSURE_H
#define BDX_DISCLOSURE_H

#include <glib.h>

#include "bdx/money.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

#define BDX_FORMAT "bdx.disclosure/1"

typedef enum {
  BDX_KIND_UNKNOWN = 0,
  BDX_KIND_BUDGET,         /* 预算 */
  BDX_KIND_FINAL_ACCOUNTS, /* 决算 */
} BdxDocumentKind;

/* Two-sided tables put a side on every column and every row. */
typedef enum {
  BDX_SIDE_NONE = 0,
  BDX_SIDE_INCOME,
  BDX_SIDE_EXPENDITURE,
} BdxSide;

typedef enum {
  BDX_ROW_ITEM = 0,
  BDX_ROW_TOTAL, /* 合计 / 总计 */
} BdxRowKind;

typedef struct {
  char *id;     /* canonical column id, or NULL when no pattern knows it */
  char *header; /* printed header; "parent/child" under a merged header */
  BdxSide side;
  int panel;    /* 1-based list of a side printed beside another; 0: none */
} BdxColumn;

/* A cell of a row that OCR read with doubt, or that validation repaired
 * (ocr.h): what it read, so that nothing OCR saw is lost. */
enum {
  BDX_OCR_FIELD_CODE = -1,
  BDX_OCR_FIELD_NAME = -2,
  BDX_OCR_FIELD_PROJECT = -3,
};

typedef struct {
  int field;          /* index into the row's values, or BDX_OCR_FIELD_* */
  char *read;         /* the text as OCR read it */
  int confidence;     /* 0..100, or -1 when not known */
  gboolean repaired;  /* the row holds a value other than `read` */
} BdxOcrMark;

typedef struct {
  BdxRowKind kind;
  char *code;    /* classification code, digits only, or NULL */
  int level;     /* 1..3 for 类/款/项, 0 when there is no code */
  char *name;
  char *project; /* 项目名称, project expenditure tables only */
  BdxSide side;
  int panel;      /* the panel (list) its label is in; 0 when the table
                     has one panel per side */
  GArray *values; /* of BdxMoney, aligned with the columns of its side
                     (blank in the other panels' columns) */
  int page;       /* 1-based */
  GArray *ocr;    /* of BdxOcrMark, or NULL: cells OCR read with doubt */
} BdxRow;

typedef struct {
  char *id;      /* canonical table id, or NULL when unknown */
  char *variant; /* which title of the id matched ("default", "js", …), or
                    NULL when unknown */
  int number;    /* printed table number, 0 when not printed */
  char *title;
  GArray *pages; /* of int, 1-based, ascending */
  BdxUnit unit;
  char *department; /* 编制部门 as printed, or NULL */
  gboolean empty;
  char *note;          /* the sentence saying the table is empty, or NULL */
  GPtrArray *columns;  /* of BdxColumn*, amount columns in printed order */
  GPtrArray *rows;     /* of BdxRow* */
} BdxTable;

typedef struct {
  char *heading;
  int level; /* 1 = 第一部分, 2 = 一、, 3 = （一）, ... */
  int page;
  GPtrArray *children; /* of BdxOutlineNode* */
} BdxOutlineNode;

typedef struct {
  gint64 authorized, actual, in_service, retired, retired_cadre;
  gint64 in_service_increase, retired_increase, retired_cadre_increase;
  guint32 present; /* bit per field above, in order: unstated is not 0 */
} BdxStaffing;

typedef struct {
  GPtrArray *functions;  /* of char*: the numbered duties */
  GPtrArray *divisions;  /* of char*: 内设科室 */
  int subordinate_units; /* -1 when not stated */
  BdxStaffing staffing;
  gboolean staffing_present;
} BdxOverview;

typedef struct {
  char *item;
  BdxMoney amount;
} BdxAllocation;

typedef struct {
  char *name;
  BdxMoney amount;
  char *basis;
  char *owner;
  GPtrArray *allocation; /* of BdxAllocation* */
  char *period_start, *period_end; /* ISO dates or NULL */
  int page;
} BdxProject;

typedef struct {
  char *level1, *level2, *name, *target, *op; /* op: "=", ">=", ... or NULL */
  char *value;  /* the number as printed (decimal text), or NULL */
  char *unit, *basis, *previous, *scoring, *evidence;
  int weight;   /* -1 when not printed */
} BdxIndicator;

typedef struct {
  char *scope;   /* "department" or "project" */
  char *project; /* NULL for department scope */
  char *department, *manager, *goal;
  BdxMoney funds_total, funds_fiscal, funds_other;
  GPtrArray *indicators; /* of BdxIndicator* */
  GArray *pages;         /* of int */
} BdxPerformance;

typedef struct {
  char *key;
  BdxMoney value;    /* amounts; for counts see count */
  gint64 count;      /* for counting facts (key ends in _count); -1 otherwise */
  char *share;       /* percentage as printed ("44.72"), or NULL */
  char *text;
  int page;
} BdxFact;

typedef enum {
  BDX_CHECK_PASSED = 0,
  BDX_CHECK_WITHIN_ROUNDING,
  BDX_CHECK_FAILED,
} BdxCheckStatus;

typedef struct {
  char *id;     /* e.g. "expenditure_summary.row_total" */
  char *table;  /* table id or NULL */
  char *row;    /* row code or name, or NULL */
  char *column; /* column id, or NULL */
  BdxCheckStatus status;
  gint64 expected, actual, tolerance; /* fen */
  char *message;
} BdxCheck;

typedef struct {
  char *path;
  char *sha256;
  int pages;
  GArray *text_pages; /* of int */
  GArray *ocr_pages;  /* of int */
} BdxSourceInfo;

/* The template fingerprint: which pattern set read the document and
 * which kinds of table it found, so that a harvest can be grouped by
 * template (docs/output-format.md, "template"). */
typedef struct {
  char *id;          /* 12 hex digits of SHA-256 of the tables list, or
                        NULL when no table is known */
  char *patterns;    /* "NAME@HASH": the set's [set] name (else its
                        directory's name) and 12 hex digits of its content */
  GPtrArray *tables; /* of char*: "id@variant" per known table, in order */
} BdxTemplate;

typedef struct {
  BdxSourceInfo source;
  BdxDocumentKind kind;
  int year; /* 0 when unknown */
  char *department;
  char *published; /* ISO date or NULL */
  BdxUnit unit;
  BdxTemplate tmpl;       /* the template fingerprint (extension) */
  BdxOverview overview;
  GPtrArray *outline;     /* of BdxOutlineNode* (top level) */
  GPtrArray *tables;      /* of BdxTable* */
  GPtrArray *projects;    /* of BdxProject* */
  GPtrArray *performance; /* of BdxPerformance* */
  GPtrArray *facts;       /* of BdxFact* */
  GPtrArray *checks;      /* of BdxCheck* */
  GPtrArray *notices;     /* of char*: oddities found in the input */
} BdxDisclosure;

/* Constructors return owned, zero-filled objects with empty arrays. */
BDX_API BdxDisclosure *bdx_disclosure_new (void);
BDX_API void bdx_disclosure_free (BdxDisclosure *d);
BDX_API BdxTable *bdx_table_new (void);
BDX_API void bdx_table_free (BdxTable *t);
BDX_API BdxColumn *bdx_column_new (const char *id, const char *header,
                                   BdxSide side);
BDX_API void bdx_column_free (BdxColumn *c);
BDX_API BdxRow *bdx_row_new (void);
BDX_API void bdx_row_free (BdxRow *r);
/* Adds a mark to row->ocr (made on first use); read is copied.  Returns
 * the mark, valid until the next one is added. */
BDX_API BdxOcrMark *bdx_row_add_ocr_mark (BdxRow *r, int field,
                                          const char *read, int confidence,
                                          gboolean repaired);
/* Whether page (1-based) was read by OCR (source.ocr_pages). */
BDX_API gboolean bdx_disclosure_page_is_ocr (const BdxDisclosure *d, int page);
/* A classification code's level by its length: 1, 2, 3, 4 for 3, 5, 7, 9
 * digits (类, 款, 项, and a fourth level some regions print); 0 otherwise. */
BDX_API int bdx_code_level (const char *code);
/* The row's mark for field, or NULL. */
BDX_API BdxOcrMark *bdx_row_ocr_mark (const BdxRow *r, int field);
BDX_API BdxOutlineNode *bdx_outline_node_new (const char *heading, int level,
                                              int page);
BDX_API void bdx_outline_node_free (BdxOutlineNode *n);
BDX_API BdxProject *bdx_project_new (void);
BDX_API void bdx_project_free (BdxProject *p);
BDX_API BdxAllocation *bdx_allocation_new (const char *item, BdxMoney amount);
BDX_API void bdx_allocation_free (BdxAllocation *a);
BDX_API BdxPerformance *bdx_performance_new (void);
BDX_API void bdx_performance_free (BdxPerformance *p);
BDX_API BdxIndicator *bdx_indicator_new (void);
BDX_API void bdx_indicator_free (BdxIndicator *i);
BDX_API BdxFact *bdx_fact_new (const char *key);
BDX_API void bdx_fact_free (BdxFact *f);
BDX_API BdxCheck *bdx_check_new (const char *id);
BDX_API void bdx_check_free (BdxCheck *c);

/* Lookups: borrowed pointers, NULL when absent. */
BDX_API BdxTable *bdx_disclosure_lookup_table (const BdxDisclosure *d,
                                               const char *id);
BDX_API int bdx_table_lookup_column (const BdxTable *t, const char *id,
                                     BdxSide side);

BDX_API const char *bdx_document_kind_name (BdxDocumentKind kind);
BDX_API const char *bdx_side_name (BdxSide side);
BDX_API const char *bdx_check_status_name (BdxCheckStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxDisclosure, bdx_disclosure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxTable, bdx_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxRow, bdx_row_free)

G_END_DECLS

#endif
