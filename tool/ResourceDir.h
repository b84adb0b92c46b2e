//===--- ResourceDir.h - find clang's resource directory for our drivers --===//
//
// A libTooling driver finds stddef.h and friends in <binary>/../lib/clang/N.
// Our drivers are built elsewhere, so unless the user gave one they get the
// resource directory of the Clang they were built against.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_RESOURCEDIR_H
#define HIGHWATER_TOOL_RESOURCEDIR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace highwater {

/// The resource directory to pass, or "" when the default one next to
/// \p Argv0 exists or \p Args already name one through \p Flag.
inline std::string resourceDirToAdd(const char *Argv0,
                                    const std::vector<const char *> &Args,
                                    llvm::StringRef Flag) {
  for (const char *Arg : Args)
    if (llvm::StringRef(Arg).contains(Flag))
      return "";
  llvm::SmallString<256> Beside(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Argv0)));
  llvm::sys::path::append(Beside, "lib", "clang");
  if (llvm::sys::fs::is_directory(Beside))
    return "";
  if (!llvm::sys::fs::is_directory(HIGHWATER_RESOURCE_DIR))
    return "";
  return HIGHWATER_RESOURCE_DIR;
}

} // namespace highwater

#endif
