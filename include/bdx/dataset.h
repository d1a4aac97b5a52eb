/* bdx — the dataset: many disclosures in one SQLite database.
 *
 * `bdx harvest` stores every document it extracts here; researchers
 * query it directly with SQL (the schema, its views and example queries
 * are in docs/dataset.md), or `bdx export` writes parts of it as CSV or
 * JSON Lines.  This header is the only code that knows the schema.
 *
 * Invariants:
 *  - a document is identified by the SHA-256 of its file; it has at most
 *    one row in `documents`, and all its rows in the other tables are
 *    written in the same transaction as that row (bdx_dataset_put()), so
 *    a reader (or a crash) never sees half a document;
 *  - the schema carries a version (table `meta`, key `schema_version`);
 *    a database of another version is refused, never altered;
 *  - the database is in WAL mode: readers do not block the writer.
 *
 * Ownership: bdx_dataset_open() returns an owned handle, closed by
 * bdx_dataset_free(); every other function borrows its arguments.
 * Strings returned by lookups are owned by the caller.  Errors are
 * BDX_ERROR_IO (the file cannot be opened or written), BDX_ERROR_FORMAT
 * (the file is not a bdx dataset), BDX_ERROR_UNSUPPORTED (another schema
 * version), BDX_ERROR_ARGUMENT (an export of something the dataset does
 * not have) and BDX_ERROR_LIBRARY (any other SQLite failure).
 */
#ifndef BDX_DATASET_H
#define BDX_DATASET_H

#include <stdio.h>

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* The schema version this bdx reads and writes. */
#define BDX_DATASET_SCHEMA_VERSION 1

/* The database's file name inside a dataset directory. */
#define BDX_DATASET_FILE "bdx.sqlite"

typedef struct _BdxDataset BdxDataset;

/* A document's state in the dataset (documents.status). */
typedef enum {
  BDX_DOC_ABSENT = 0,     /* not in the dataset */
  BDX_DOC_OK,             /* "ok": extracted, a budget disclosure */
  BDX_DOC_NOT_DISCLOSURE, /* "not_disclosure": extracted, but not one */
  BDX_DOC_FAILED,         /* "failed": no data; reason and error say why */
} BdxDocStatus;

/* One path a document was found at (table document_paths); size and
 * mtime (nanoseconds since the epoch) let a later run trust the stored
 * hash of an unchanged file instead of reading it again. */
typedef struct {
  const char *path;
  gint64 size;
  gint64 mtime_ns;
} BdxDatasetPath;

/* What bdx_dataset_put() stores besides the disclosure.  Zero/NULL means
 * unknown for every field. */
typedef struct {
  const char *sha256;   /* required: 64 lowercase hex digits */
  const char *path;     /* the path the document was extracted from */
  gint64 size;          /* bytes */
  const BdxDatasetPath *paths; /* every path it was found at, or NULL */
  guint n_paths;
  const char *json;     /* its JSON, relative to the dataset's directory */
  const char *reason;   /* failures only: the reason (docs/harvest.md) */
  const char *error;    /* failures only: the message */
  gint64 elapsed_ms;    /* the worker's wall-clock time; -1 unknown */
  gint64 max_rss_kb;    /* the worker's peak resident memory; -1 unknown */
} BdxDatasetEntry;

/* Opens the dataset database at `path`, creating it with the current
 * schema when the file does not exist.  `readonly` opens an existing
 * dataset for reading only. */
BDX_API BdxDataset *bdx_dataset_open (const char *path, gboolean readonly,
                                      GError **error);

/* Opens the dataset of a dataset directory for writing: creates the
 * directory if needed and takes its lock (DIR/bdx.lock, held until
 * bdx_dataset_free(); the kernel drops it if the process dies), then
 * opens DIR/bdx.sqlite.  Fails with BDX_ERROR_IO when another process
 * holds the lock: one writer per directory. */
BDX_API BdxDataset *bdx_dataset_open_dir (const char *dir, GError **error);
BDX_API void bdx_dataset_free (BdxDataset *ds);

/* Sets *status to the status of the document with this hash. */
BDX_API gboolean bdx_dataset_lookup_status (BdxDataset *ds,
                                            const char *sha256,
                                            BdxDocStatus *status,
                                            GError **error);

/* The stored hash of `path` if it was recorded with this size and
 * mtime, else NULL (also when the query fails: the caller then reads
 * the file again, which is always correct).  Owned. */
BDX_API char *bdx_dataset_lookup_path (BdxDataset *ds, const char *path,
                                       gint64 size, gint64 mtime_ns);

/* Stores one document in one transaction, replacing any earlier row of
 * the same hash with all of its data (its paths are kept).  With `d`, the
 * document's status is ok or not_disclosure
 * (bdx_disclosure_is_disclosure()) and every part of the disclosure is
 * stored; without, it is a failure with entry->reason and entry->error. */
BDX_API gboolean bdx_dataset_put (BdxDataset *ds, const BdxDatasetEntry *entry,
                                  const BdxDisclosure *d, GError **error);

/* Records (or updates) a path of the document with this hash. */
BDX_API gboolean bdx_dataset_add_path (BdxDataset *ds, const char *sha256,
                                       const BdxDatasetPath *path,
                                       GError **error);

/* Records an input that could not be read at all, so has no hash (table
 * errors, keyed by path); `message` NULL forgets the path's error. */
BDX_API gboolean bdx_dataset_set_input_error (BdxDataset *ds, const char *path,
                                              const char *reason,
                                              const char *message,
                                              GError **error);

/* What bdx_dataset_merge() did. */
typedef struct {
  guint added;    /* documents new to this dataset */
  guint replaced; /* documents that had failed here and not in the other */
  guint kept;     /* documents already here */
  guint json_missing; /* added documents whose JSON file was not found */
} BdxMergeStats;

/* Adds the documents of the dataset at `other` (a database file) that
 * this one does not have, or has only as failures, with their rows, in
 * one transaction; paths and input errors are united.  When `json_dir`
 * is not NULL, each added document's JSON file is copied from the other
 * dataset's directory to the same relative place under `json_dir`
 * (atomically, before the transaction commits).  Merging is idempotent. */
BDX_API gboolean bdx_dataset_merge (BdxDataset *ds, const char *other,
                                    const char *json_dir, BdxMergeStats *stats,
                                    GError **error);

typedef enum {
  BDX_EXPORT_CSV = 0, /* RFC 4180, a header line, UTF-8; NULL is empty */
  BDX_EXPORT_JSONL,   /* one JSON object per line; NULL is null */
} BdxExportFormat;

/* What to export; zero means the amounts in tidy form (view v_amounts,
 * without its document_id, which is local to one database). */
typedef struct {
  BdxExportFormat format;
  const char *table_id; /* one table id in wide form: a column per
                           column id (side_id in two-sided tables) */
  const char *relation; /* a table or view of the schema, as stored */
} BdxExportOptions;

/* Writes the export to `out`, which it only writes to.  The order of the
 * rows is stable: by document hash, table, row and column. */
BDX_API gboolean bdx_dataset_export (BdxDataset *ds,
                                     const BdxExportOptions *opts, FILE *out,
                                     GError **error);

/* The status's name as stored ("ok", ...); NULL for ABSENT.  Static. */
BDX_API const char *bdx_doc_status_name (BdxDocStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxDataset, bdx_dataset_free)

G_END_DECLS

#endif
