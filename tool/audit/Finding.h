//===--- Finding.h - what one audit of one translation unit produces ------===//
//
// The data the audit passes between its processes (child to parent), keeps
// in its cache and writes in its JSON reports, with the JSON form of each.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_AUDIT_FINDING_H
#define HIGHWATER_TOOL_AUDIT_FINDING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace highwater::audit {

/// One edit of a suggested fix, in the terms of clang's tooling::Replacement.
struct Edit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

struct Note {
  std::string Message;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// One diagnostic of one check at one place.
struct Finding {
  std::string Check;
  std::string Level = "warning"; // "warning" or "error"
  std::string Message;
  std::string File; // absolute
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string LineText;  // the source line the finding is on
  std::string Container; // the first quoted name in the message
  std::vector<Edit> Fix;
  std::vector<Note> Notes;
  std::string Fingerprint; // set by the parent, see assignFingerprints
  std::string BuildDirectory;
};

/// What analysing one translation unit gave.
struct TUResult {
  std::string File;      // the TU's main file, absolute
  std::string Directory; // its compile directory
  bool Failed = false;
  std::string FailureReason;
  std::vector<Finding> Findings;
  std::vector<std::string> FilesRead; // absolute, including the main file
  bool FromCache = false;
};

llvm::json::Value toJSON(const Finding &F);
llvm::json::Value toJSON(const TUResult &R);
std::optional<Finding> findingFromJSON(const llvm::json::Value &V);
std::optional<TUResult> tuResultFromJSON(const llvm::json::Value &V);

/// The first name in single quotes in \p Message: the container our checks
/// name first.
std::string containerNameIn(llvm::StringRef Message);

/// The N of "(N bytes per ...)" in \p Message, if the message has one.
std::optional<uint64_t> retainedSlotBytesIn(llvm::StringRef Message);

/// Line text with all whitespace removed: what a fingerprint sees of a line,
/// so that reindenting or reflowing it does not change the fingerprint.
std::string normalisedLineText(llvm::StringRef Line);

/// Gives each finding a fingerprint that survives edits elsewhere in its file:
/// a hash of its check, path relative to \p Root, normalised line text and
/// container, plus its rank among findings that share all of those. Findings
/// must be in a stable order (see sortFindings).
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root);

/// Sorts by file, offset, check, message.
void sortFindings(std::vector<Finding> &Findings);

/// Drops findings that repeat another's check, place and message: a header
/// finding seen by every TU that includes it is kept once.
void dedupFindings(std::vector<Finding> &Findings);

/// \p Path made absolute against \p Directory (the current one if empty),
/// with symlinks resolved when it exists: `..` after a symlink (a compiler
/// found through /bin -> /usr/bin) cannot be removed lexically.
std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Directory = "");

/// \p Path relative to \p Root when it lies under it, else \p Path.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Root);

} // namespace highwater::audit

#endif
