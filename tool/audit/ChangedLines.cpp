//===--- ChangedLines.cpp - what changed since a git revision ------------===//

#include "ChangedLines.h"
#include "Children.h"
#include "Finding.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

namespace highwater::audit {

static std::string runGit(llvm::ArrayRef<std::string> Args, llvm::StringRef TempDir,
                   std::string &Output) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return "--changed-since needs git on the PATH";
  std::string OutPath = (TempDir + "/git.out").str();
  std::string ErrPath = (TempDir + "/git.err").str();
  std::vector<llvm::StringRef> Argv{*Git};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  int Code = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  if (auto Buffer = llvm::MemoryBuffer::getFile(OutPath))
    Output = (*Buffer)->getBuffer().str();
  if (Code != 0)
    return lastLines(ErrPath, 1);
  return "";
}

std::string changedLinesSince(llvm::StringRef Rev, llvm::StringRef Root,
                              llvm::StringRef TempDir, ChangedLines &Out) {
  std::string TopLevel;
  if (std::string E = runGit({"-C", Root.str(), "rev-parse", "--show-toplevel"},
                             TempDir, TopLevel);
      !E.empty())
    return "--changed-since: '" + Root.str() + "' is not in a git repository";
  TopLevel = llvm::StringRef(TopLevel).trim().str();
  std::string Diff;
  if (std::string E = runGit({"-C", TopLevel, "diff", "-U0", "--no-color",
                              "--no-ext-diff", "--no-renames", Rev.str(), "--"},
                             TempDir, Diff);
      !E.empty())
    return "--changed-since: git cannot diff against '" + Rev.str() +
           "': " + E;
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Diff).split(Lines, '\n');
  std::string Current;
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Current.clear();
      if (Line.consume_front("b/")) {
        Current = canonicalPath(Line, TopLevel);
        Out.ByFile[Current];
      }
      continue;
    }
    if (!Line.consume_front("@@ ") || Current.empty())
      continue;
    // @@ -a[,b] +c[,d] @@
    size_t Plus = Line.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Range = Line.drop_front(Plus + 1).split(' ').first;
    auto [StartText, CountText] = Range.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start))
      continue;
    if (!CountText.empty() && CountText.getAsInteger(10, Count))
      continue;
    if (Count == 0) {
      // A deletion: the lines on either side of it changed their context.
      Out.ByFile[Current].insert(Start);
      Out.ByFile[Current].insert(Start + 1);
    }
    for (unsigned L = Start; L < Start + Count; ++L)
      Out.ByFile[Current].insert(L);
  }
  return "";
}

} // namespace highwater::audit
