//===--- ChangedLines.h - what changed since a git revision --------------===//

#ifndef HIGHWATER_TOOL_AUDIT_CHANGEDLINES_H
#define HIGHWATER_TOOL_AUDIT_CHANGEDLINES_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>

namespace highwater::audit {

struct ChangedLines {
  std::map<std::string, std::set<unsigned>> ByFile; // canonical path -> lines
};

/// The lines of the work tree that differ from git revision \p Rev, in the
/// repository holding \p Root, from `git diff -U0`. "" or a one-line error.
std::string changedLinesSince(llvm::StringRef Rev, llvm::StringRef Root,
                              llvm::StringRef TempDir, ChangedLines &Out);

} // namespace highwater::audit

#endif
