/* Wirebench's ranking function for FTS5: BM25 exactly as FTS5's built-in bm25() computes it
 * (k1 = 1.2, b = 0.75, the same IDF formula and column weights), with one difference: the
 * number of articles holding each phrase of the query (its document frequency, for the IDF)
 * is handed in by the caller instead of counted by reading the phrase's whole posting list on
 * every query. The search planner knows these figures already (it estimates them once per
 * phrase and keeps them until the corpus changes), and at a million articles that reading
 * was most of a query's time.
 *
 *   wb_bm25(fts_table, weight_col_0, ..., weight_col_n-1, document_frequencies)
 *
 * document_frequencies: text, one integer per phrase of the MATCH expression in FTS5's order,
 * separated by commas; a missing or negative figure is counted as bm25() would count it.
 * Returns the score negated, as bm25() does (lower is better).
 *
 * Built at install by scripts/build-native.mjs; when it cannot be built or loaded, search uses
 * bm25() itself (src/engine/search/rank-function.ts), with the same results, only slower. */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int nPhrase; double avgdl; double *aIDF; double *aFreq; } WbData;

static int countCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData) {
  (void)pApi; (void)pFts;
  (*(sqlite3_int64 *)pUserData)++;
  return SQLITE_OK;
}

static void wbBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  int nCol = pApi->xColumnCount(pFts);
  WbData *p = (WbData *)pApi->xGetAuxdata(pFts, 0);
  int rc = SQLITE_OK;
  if (!p) {
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0, nToken = 0;
    const char *zDf = (nVal > nCol && sqlite3_value_type(apVal[nCol]) == SQLITE_TEXT) ? (const char *)sqlite3_value_text(apVal[nCol]) : 0;
    p = (WbData *)sqlite3_malloc64(sizeof(WbData) + sizeof(double) * 2 * (nPhrase > 0 ? nPhrase : 1));
    if (!p) { sqlite3_result_error_nomem(pCtx); return; }
    memset(p, 0, sizeof(WbData));
    p->nPhrase = nPhrase;
    p->aIDF = (double *)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      sqlite3_int64 nHit = -1;
      if (zDf && *zDf) {
        char *end = 0;
        long long v = strtoll(zDf, &end, 10);
        if (end != zDf) nHit = v;
        zDf = end;
        while (*zDf == ',' || *zDf == ' ') zDf++;
      }
      if (nHit < 0) { nHit = 0; rc = pApi->xQueryPhrase(pFts, i, (void *)&nHit, countCb); }
      double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      p->aIDF[i] = idf;
    }
    if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if (rc != SQLITE_OK) { sqlite3_result_error_code(pCtx, rc); return; }
  }
  memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
  int nInst = 0, any = 0;
  rc = pApi->xInstCount(pFts, &nInst);
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) {
      double w = (nVal > ic && ic < nCol) ? sqlite3_value_double(apVal[ic]) : 1.0;
      p->aFreq[ip] += w;
      if (w != 0.0) any = 1;
    }
  }
  if (rc != SQLITE_OK) { sqlite3_result_error_code(pCtx, rc); return; }
  /* No weighted match in this row (only filters or exclusions): 0, as bm25() gives, without
   * looking up the row's length. */
  if (!any) { sqlite3_result_double(pCtx, -1.0 * 0.0); return; }
  int nTok = 0;
  rc = pApi->xColumnSize(pFts, -1, &nTok);
  if (rc != SQLITE_OK) { sqlite3_result_error_code(pCtx, rc); return; }
  double D = (double)nTok, score = 0.0;
  for (int i = 0; i < p->nPhrase; i++) {
    double f = p->aFreq[i];
    /* Grouped exactly as bm25() groups it, so that the scores agree to the last bit. */
    score += p->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / p->avgdl)));
  }
  sqlite3_result_double(pCtx, -1.0 * score);
}

static fts5_api *fts5ApiOf(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_wbrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *f = fts5ApiOf(db);
  if (!f || f->iVersion < 2) { *pzErrMsg = sqlite3_mprintf("wbrank: FTS5 is not available"); return SQLITE_ERROR; }
  return f->xCreateFunction(f, "wb_bm25", 0, wbBm25, 0);
}
