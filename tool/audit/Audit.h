//===--- Audit.h - `highwater audit` and `highwater merge` ----------------===//

#ifndef HIGHWATER_TOOL_AUDIT_AUDIT_H
#define HIGHWATER_TOOL_AUDIT_AUDIT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace highwater::audit {

/// Exit codes a CI can rely on.
enum ExitCode {
  ExitClean = 0,    // no findings over the gate
  ExitFindings = 1, // findings over the gate
  ExitUsage = 2,    // usage or configuration error; nothing written
  ExitFailures = 3, // some TUs could not be analysed (or an interrupt)
};

int auditMain(const char *Argv0, llvm::ArrayRef<llvm::StringRef> Args);
int mergeMain(llvm::ArrayRef<llvm::StringRef> Args);

} // namespace highwater::audit

#endif
