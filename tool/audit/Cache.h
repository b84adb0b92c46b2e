//===--- Cache.h - results of TUs whose inputs did not change -------------===//
//
// One entry per TU, named by a key the caller derives from everything but
// the files the TU reads (compile command, tool version, check options).
// The entry lists those files with a hash of their contents and is used only
// while every one of them is unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_AUDIT_CACHE_H
#define HIGHWATER_TOOL_AUDIT_CACHE_H

#include "Finding.h"
#include <map>
#include <optional>
#include <string>

namespace highwater::audit {

/// A content hash per file, each file read once per run.
class ContentHashes {
public:
  /// std::nullopt when \p Path cannot be read.
  std::optional<std::string> of(const std::string &Path);

private:
  std::map<std::string, std::optional<std::string>> Hashes;
};

class Cache {
public:
  /// An empty \p Dir disables the cache.
  explicit Cache(std::string Dir) : Dir(std::move(Dir)) {}
  bool enabled() const { return !Dir.empty(); }

  /// The result stored under \p Key when every file it read is unchanged.
  std::optional<TUResult> lookup(const std::string &Key, ContentHashes &Hashes);

  /// Stores through a temporary file and a rename: a killed run leaves either
  /// the old entry or the new one, never half of one.
  void store(const std::string &Key, const TUResult &R, ContentHashes &Hashes);

private:
  std::string pathOf(const std::string &Key) const;
  std::optional<llvm::json::Object> read(const std::string &Key);
  std::string Dir;
};

} // namespace highwater::audit

#endif
