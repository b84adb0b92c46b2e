//===--- Cache.cpp - results of TUs whose inputs did not change -----------===//

#include "Cache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace highwater::audit {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

std::optional<std::string> ContentHashes::of(const std::string &Path) {
  auto It = Hashes.find(Path);
  if (It != Hashes.end())
    return It->second;
  std::optional<std::string> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Hash = llvm::utohexstr(llvm::xxh3_64bits(
        llvm::arrayRefFromStringRef((*Buffer)->getBuffer())));
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<TUResult> Cache::lookup(const std::string &Key,
                                      ContentHashes &Hashes) {
  auto Entry = read(Key);
  if (!Entry)
    return std::nullopt;
  const Array *Files = Entry->getArray("files");
  const Value *Result = Entry->get("result");
  if (!Files || !Result)
    return std::nullopt;
  for (const Value &F : *Files) {
    const Object *File = F.getAsObject();
    if (!File)
      return std::nullopt;
    auto Path = File->getString("path");
    auto Hash = File->getString("hash");
    if (!Path || !Hash || Hashes.of(Path->str()) != Hash->str())
      return std::nullopt;
  }
  auto R = tuResultFromJSON(*Result);
  if (R)
    R->FromCache = true;
  return R;
}

void Cache::store(const std::string &Key, const TUResult &R,
                  ContentHashes &Hashes) {
  Array Files;
  for (const std::string &Path : R.FilesRead) {
    auto Hash = Hashes.of(Path);
    if (!Hash)
      return; // a file it read is gone: nothing sound to store
    Files.push_back(Object{{"path", Path}, {"hash", *Hash}});
  }
  std::string Text;
  llvm::raw_string_ostream(Text) << Value(Object{
      {"key", Key}, {"files", std::move(Files)}, {"result", toJSON(R)}});
  // llvm::writeToOutput writes a temporary file and renames it into place.
  llvm::consumeError(
      llvm::writeToOutput(pathOf(Key), [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      }));
}

std::string Cache::pathOf(const std::string &Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".json");
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  return std::string(Path);
}

std::optional<Object> Cache::read(const std::string &Key) {
  auto Buffer = llvm::MemoryBuffer::getFile(pathOf(Key));
  if (!Buffer)
    return std::nullopt;
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  if (Object *O = Parsed->getAsObject())
    if (O->getString("key") == llvm::StringRef(Key))
      return std::move(*O);
  return std::nullopt;
}

} // namespace highwater::audit
