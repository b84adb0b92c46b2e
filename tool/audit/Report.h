//===--- Report.h - an audit's result and the formats it is written in ----===//

#ifndef HIGHWATER_TOOL_AUDIT_REPORT_H
#define HIGHWATER_TOOL_AUDIT_REPORT_H

#include "Finding.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace highwater::audit {

struct Failure {
  std::string File;
  std::string Reason;
};

/// What an audit (or a merge of audits) found, ready to be written.
struct Report {
  std::string Root; // paths in reports are relative to it
  std::vector<Finding> Findings; // the findings the report shows
  std::vector<Failure> Failures; // TUs that could not be analysed
  unsigned TUsSelected = 0;      // TUs this audit was asked to cover
  unsigned TUsAnalysed = 0;      // analysed in this run
  unsigned TUsFromCache = 0;     // results taken from the cache
  unsigned TUsUnaffected = 0;    // skipped by --changed-since
  unsigned TUsNotRun = 0;        // left out by an interrupt
  unsigned FindingsInBaseline = 0; // hidden because the baseline has them
  bool Partial = false;            // interrupted: some TUs were not analysed
  double Seconds = 0;
};

llvm::json::Value reportToJSON(const Report &R);
llvm::json::Value reportToSARIF(const Report &R);
std::string reportToHTML(const Report &R);
void writeText(const Report &R, llvm::raw_ostream &OS);
void writeSummary(const Report &R, llvm::raw_ostream &OS);

/// Reads a report this tool wrote as JSON or SARIF; "" or a reason.
std::string reportFromFile(llvm::StringRef Path, Report &Out);

/// The release this tool reports itself as.
llvm::StringRef toolVersion();

} // namespace highwater::audit

#endif
