//===--- Finding.cpp - findings, their JSON form and fingerprints ---------===//

#include "Finding.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cctype>
#include <tuple>

namespace highwater::audit {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

llvm::json::Value toJSON(const Finding &F) {
  Array Fix;
  for (const Edit &E : F.Fix)
    Fix.push_back(Object{{"file", E.File},
                         {"offset", E.Offset},
                         {"length", E.Length},
                         {"text", E.Text}});
  Array Notes;
  for (const Note &N : F.Notes)
    Notes.push_back(Object{{"message", N.Message},
                           {"file", N.File},
                           {"line", N.Line},
                           {"column", N.Column}});
  Object O{{"check", F.Check},       {"level", F.Level},
           {"message", F.Message},   {"file", F.File},
           {"offset", F.Offset},     {"line", F.Line},
           {"column", F.Column},     {"line_text", F.LineText},
           {"container", F.Container}, {"fix", std::move(Fix)},
           {"notes", std::move(Notes)}, {"build_directory", F.BuildDirectory}};
  if (!F.Fingerprint.empty())
    O["fingerprint"] = F.Fingerprint;
  return O;
}

llvm::json::Value toJSON(const TUResult &R) {
  Array Findings, Files;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const std::string &File : R.FilesRead)
    Files.push_back(File);
  return Object{{"file", R.File},
                {"directory", R.Directory},
                {"failed", R.Failed},
                {"failure_reason", R.FailureReason},
                {"findings", std::move(Findings)},
                {"files_read", std::move(Files)}};
}

static std::string stringField(const Object &O, llvm::StringRef Key) {
  if (auto S = O.getString(Key))
    return S->str();
  return "";
}

static unsigned unsignedField(const Object &O, llvm::StringRef Key) {
  if (auto I = O.getInteger(Key))
    return static_cast<unsigned>(*I);
  return 0;
}

std::optional<Finding> findingFromJSON(const llvm::json::Value &V) {
  const Object *O = V.getAsObject();
  if (!O || !O->getString("check") || !O->getString("file"))
    return std::nullopt;
  Finding F;
  F.Check = stringField(*O, "check");
  F.Level = stringField(*O, "level");
  F.Message = stringField(*O, "message");
  F.File = stringField(*O, "file");
  F.Offset = unsignedField(*O, "offset");
  F.Line = unsignedField(*O, "line");
  F.Column = unsignedField(*O, "column");
  F.LineText = stringField(*O, "line_text");
  F.Container = stringField(*O, "container");
  F.Fingerprint = stringField(*O, "fingerprint");
  F.BuildDirectory = stringField(*O, "build_directory");
  if (const Array *Fix = O->getArray("fix"))
    for (const Value &EV : *Fix)
      if (const Object *E = EV.getAsObject())
        F.Fix.push_back({stringField(*E, "file"), unsignedField(*E, "offset"),
                         unsignedField(*E, "length"), stringField(*E, "text")});
  if (const Array *Notes = O->getArray("notes"))
    for (const Value &NV : *Notes)
      if (const Object *N = NV.getAsObject())
        F.Notes.push_back({stringField(*N, "message"), stringField(*N, "file"),
                           unsignedField(*N, "line"),
                           unsignedField(*N, "column")});
  return F;
}

std::optional<TUResult> tuResultFromJSON(const llvm::json::Value &V) {
  const Object *O = V.getAsObject();
  if (!O || !O->getString("file"))
    return std::nullopt;
  TUResult R;
  R.File = stringField(*O, "file");
  R.Directory = stringField(*O, "directory");
  R.Failed = O->getBoolean("failed").value_or(false);
  R.FailureReason = stringField(*O, "failure_reason");
  if (const Array *Findings = O->getArray("findings"))
    for (const Value &FV : *Findings) {
      auto F = findingFromJSON(FV);
      if (!F)
        return std::nullopt;
      R.Findings.push_back(std::move(*F));
    }
  if (const Array *Files = O->getArray("files_read"))
    for (const Value &FV : *Files)
      if (auto S = FV.getAsString())
        R.FilesRead.push_back(S->str());
  return R;
}

std::string containerNameIn(llvm::StringRef Message) {
  // Messages that open with the statement ('--count_', 'x = {}') name the
  // container later: "the logical end of 'items_'", "a slot of 'ring_'",
  // "the bucket array (8 bytes per bucket) of 'map_'".
  for (llvm::StringRef Marker : {"logical end of '", "a slot of '", ") of '"}) {
    size_t At = Message.find(Marker);
    if (At == llvm::StringRef::npos)
      continue;
    size_t Start = At + Marker.size();
    size_t Close = Message.find('\'', Start);
    if (Close != llvm::StringRef::npos)
      return Message.slice(Start, Close).str();
  }
  size_t Open = Message.find('\'');
  if (Open == llvm::StringRef::npos)
    return "";
  size_t Close = Message.find('\'', Open + 1);
  if (Close == llvm::StringRef::npos)
    return "";
  return Message.slice(Open + 1, Close).str();
}

std::optional<uint64_t> retainedSlotBytesIn(llvm::StringRef Message) {
  size_t At = Message.find(" bytes per ");
  if (At == llvm::StringRef::npos) {
    At = Message.find(" byte per ");
    if (At == llvm::StringRef::npos)
      return std::nullopt;
  }
  size_t Open = Message.rfind('(', At);
  if (Open == llvm::StringRef::npos)
    return std::nullopt;
  uint64_t Bytes;
  if (Message.slice(Open + 1, At).trim().getAsInteger(10, Bytes))
    return std::nullopt;
  return Bytes;
}

std::string normalisedLineText(llvm::StringRef Line) {
  std::string Out;
  for (char C : Line)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Absolute(Path);
  if (!llvm::sys::path::is_absolute(Absolute)) {
    if (Directory.empty()) {
      llvm::sys::fs::make_absolute(Absolute);
    } else {
      Absolute = Directory;
      llvm::sys::path::append(Absolute, Path);
    }
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Absolute, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty())
    return Path.str();
  llvm::SmallString<256> Prefix(Root);
  llvm::sys::path::remove_dots(Prefix, /*remove_dot_dot=*/true);
  if (!Prefix.ends_with("/"))
    Prefix += "/";
  if (Path.starts_with(Prefix))
    return Path.drop_front(Prefix.size()).str();
  return Path.str();
}

void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root) {
  llvm::StringMap<unsigned> SeenBefore;
  for (Finding &F : Findings) {
    std::string Identity = F.Check + '\0' + relativePath(F.File, Root) + '\0' +
                           normalisedLineText(F.LineText) + '\0' + F.Container;
    unsigned Rank = SeenBefore[Identity]++;
    Identity += '\0' + std::to_string(Rank);
    auto Hash = llvm::SHA256::hash(llvm::arrayRefFromStringRef(Identity));
    std::string Hex;
    llvm::raw_string_ostream OS(Hex);
    for (size_t I = 0; I < 16; ++I)
      OS << llvm::format_hex_no_prefix(Hash[I], 2);
    F.Fingerprint = Hex;
  }
}

static auto sortKey(const Finding &F) {
  return std::tie(F.File, F.Offset, F.Check, F.Message);
}

void sortFindings(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return sortKey(A) < sortKey(B);
                   });
}

void dedupFindings(std::vector<Finding> &Findings) {
  sortFindings(Findings);
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return sortKey(A) == sortKey(B);
                             }),
                 Findings.end());
}

} // namespace highwater::audit
