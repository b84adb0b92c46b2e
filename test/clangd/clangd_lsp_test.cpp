//===- clangd_lsp_test.cpp - highwater-clangd end to end over LSP ---------===//
//
// Starts the clangd binary under test as a child process and talks to it over
// its stdin/stdout with real LSP messages (Content-Length framing, JSON-RPC),
// exactly like an editor does:
//
//   initialize / initialized
//   textDocument/didOpen        -> textDocument/publishDiagnostics
//   textDocument/codeAction     -> quick fix with a workspace edit
//   shutdown / exit             -> exit code 0
//
// Every test gets a fresh temporary workspace with the source file, a
// compile_flags.txt and a .clangd that enables the checks.  The .clangd sets
// no FastCheckFilter: our checks are marked fast in the build, so they must
// run under clangd's default (Strict) filter.
//
// Which binary: the environment variable HIGHWATER_CLANGD, else the build's
// highwater-clangd (compile definition HIGHWATER_CLANGD_PATH); with neither,
// the tests are skipped.
//
// Which check: highwater-erase-all-loop.  To prove the plumbing against stock
// clangd, which does not know our checks, HIGHWATER_CLANGD_LSP_CHECK selects
// an equivalent scenario built on a stock check, e.g.
//
//   env HIGHWATER_CLANGD=/usr/lib/llvm-22/bin/clangd
//       HIGHWATER_CLANGD_LSP_CHECK=modernize-use-nullptr ./clangd_lsp_test
//
// HIGHWATER_CLANGD_TIMEOUT (seconds, default 60) bounds each wait for clangd;
// HIGHWATER_CLANGD_LSP_TRACE prints the transcript tail of passing tests too;
// HIGHWATER_CLANGD_KEEP keeps the temporary workspaces (failing tests always
// keep theirs).
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <iostream>
#include <optional>
#include <poll.h>
#include <regex>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

using llvm::StringRef;
namespace json = llvm::json;
using ::testing::AssertionFailure;
using ::testing::AssertionResult;
using ::testing::AssertionSuccess;
using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

//===----------------------------------------------------------------------===//
// Scenarios: what to open, what clangd must say about it.
//===----------------------------------------------------------------------===//

struct Scenario {
  /// The diagnostic code (clang-tidy check name) the tests are about.
  const char *Check;
  /// The glob for `.clangd` Diagnostics.ClangTidy.Add.
  const char *AddGlob;
  /// The negative test asserts that no diagnostic code starts with this.
  const char *ForbiddenPrefix;
  /// A source with exactly one finding of Check, on the line with Marker.
  const char *Positive;
  const char *Marker;
  /// ECMAScript regex that the quick fix's new text must contain a match of.
  const char *FixRegex;
  /// A source on which Check must stay silent.
  const char *Negative;
};

const Scenario Scenarios[] = {
    // The product: an erase-everything loop on a member container keeps the
    // container's high-water capacity; the fix releases it.
    {"highwater-erase-all-loop", "highwater-*", "highwater-",
     R"cpp(#include <string>
#include <unordered_map>

class RecordCache {
public:
  void flush() {
    for (auto it = records_.begin(); it != records_.end();) it = records_.erase(it);
  }

private:
  std::unordered_map<int, std::string> records_;
};
)cpp",
     "it = records_.erase(it);",
     R"(records_ = .*\(\);|\(\)\.swap\(records_\))",
     // A local map dies at the end of the function anyway: nothing to say.
     R"cpp(#include <unordered_map>

int drain() {
  std::unordered_map<int, int> m;
  for (int i = 0; i < 16; ++i)
    m[i] = i * i;
  int total = 0;
  for (const auto &entry : m)
    total += entry.second;
  for (auto it = m.begin(); it != m.end();) it = m.erase(it);
  return total;
}
)cpp"},

    // Stock clang-tidy check, known fast in clangd, with a fix-it: proves
    // the LSP plumbing against stock clangd.
    {"modernize-use-nullptr", "modernize-use-nullptr", "modernize-",
     R"cpp(void consume(int *);

class RecordCache {
public:
  void flush() {
    int *records = 0;
    consume(records);
  }
};
)cpp",
     "int *records = 0;", R"(nullptr)",
     R"cpp(void consume(int *);

void flush() {
  int *records = nullptr;
  consume(records);
}
)cpp"},
};

/// Appended to every source.  Stock clangd always reports it (with
/// -Wunused-variable in compile_flags.txt), in the same publishDiagnostics as
/// the clang-tidy findings: once it shows up, the file has been analysed.
constexpr const char *Sentinel =
    "\nvoid highwater_lsp_sentinel() { int unused_sentinel = 0; }\n";
constexpr const char *SentinelName = "unused_sentinel";

constexpr const char *SourceName = "records.cpp";

const Scenario *selectScenario(std::string &Err) {
  const char *Want = std::getenv("HIGHWATER_CLANGD_LSP_CHECK");
  if (!Want || !*Want)
    return &Scenarios[0];
  std::string Known;
  for (const Scenario &S : Scenarios) {
    if (StringRef(S.Check) == Want)
      return &S;
    Known += std::string(" ") + S.Check;
  }
  Err = std::string("HIGHWATER_CLANGD_LSP_CHECK=") + Want +
        " names no scenario; known:" + Known;
  return nullptr;
}

/// 0-based line of the first line of Text containing Needle.
int lineOf(StringRef Text, StringRef Needle) {
  size_t Pos = Text.find(Needle);
  if (Pos == StringRef::npos)
    return -1;
  return static_cast<int>(Text.take_front(Pos).count('\n'));
}

/// Text with Suffix appended to the first line containing Needle.
std::string appendToLine(StringRef Text, StringRef Needle, StringRef Suffix) {
  size_t Pos = Text.find(Needle);
  size_t Eol = Text.find('\n', Pos);
  return (Text.take_front(Eol) + Suffix + Text.drop_front(Eol)).str();
}

//===----------------------------------------------------------------------===//
// Small helpers.
//===----------------------------------------------------------------------===//

std::string str(const json::Value &V, bool Pretty = false) {
  return Pretty ? llvm::formatv("{0:2}", V).str() : llvm::formatv("{0}", V).str();
}

std::string percentEncode(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || StringRef("-._~/").contains(C))
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X-2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

std::string percentDecode(StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned V;
    if (S[I] == '%' && I + 2 < S.size() &&
        !S.substr(I + 1, 2).getAsInteger(16, V)) {
      Out += static_cast<char>(V);
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

bool sameUri(StringRef A, StringRef B) {
  return percentDecode(A) == percentDecode(B);
}

std::string fileUri(StringRef Path) { return "file://" + percentEncode(Path); }

std::optional<int64_t> getPath(const json::Value *V,
                               std::initializer_list<StringRef> Keys) {
  for (StringRef K : Keys) {
    const json::Object *O = V ? V->getAsObject() : nullptr;
    V = O ? O->get(K) : nullptr;
  }
  return V ? V->getAsInteger() : std::nullopt;
}

std::string describeDiagnostics(const json::Array &Diags) {
  if (Diags.empty())
    return "  (none)\n";
  std::string Out;
  for (const json::Value &D : Diags) {
    const json::Object *O = D.getAsObject();
    if (!O) {
      Out += "  " + str(D) + "\n";
      continue;
    }
    auto Line = getPath(&D, {"range", "start", "line"});
    auto Col = getPath(&D, {"range", "start", "character"});
    Out += llvm::formatv("  {0}:{1} severity={2} [{3}] {4}: {5}\n",
                         Line ? *Line + 1 : -1, Col ? *Col + 1 : -1,
                         O->getInteger("severity").value_or(-1),
                         O->getString("source").value_or("?"),
                         O->getString("code").value_or("?"),
                         O->getString("message").value_or(""))
               .str();
  }
  return Out;
}

std::string readFileTail(const std::string &Path, size_t Max) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return "(cannot read " + Path + ")";
  StringRef Text = (*Buf)->getBuffer();
  if (Text.size() > Max)
    return "..." + Text.take_back(Max).str();
  return Text.str();
}

//===----------------------------------------------------------------------===//
// LspClient: a clangd child process spoken to over stdio.
//===----------------------------------------------------------------------===//

class LspClient {
public:
  LspClient() = default;
  LspClient(const LspClient &) = delete;
  LspClient &operator=(const LspClient &) = delete;
  ~LspClient() { terminate(); }

  /// Starts Argv[0] with Argv and the environment Env, stderr going to
  /// StderrPath.
  AssertionResult start(const std::vector<std::string> &Argv,
                        const std::vector<std::string> &Env,
                        const std::string &StderrPathIn) {
    StderrPath = StderrPathIn;
    Started = Clock::now();
    record("---", "start: " + llvm::join(Argv, " "));

    int In[2], Out[2], ExecErr[2];
    if (pipe2(In, O_CLOEXEC) || pipe2(Out, O_CLOEXEC) ||
        pipe2(ExecErr, O_CLOEXEC))
      return AssertionFailure() << "pipe2: " << std::strerror(errno);
    int ErrFd = ::open(StderrPath.c_str(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (ErrFd < 0)
      return AssertionFailure()
             << "cannot create " << StderrPath << ": " << std::strerror(errno);

    // Everything the child needs is prepared before fork().
    std::vector<char *> ArgvP, EnvP;
    for (const std::string &A : Argv)
      ArgvP.push_back(const_cast<char *>(A.c_str()));
    ArgvP.push_back(nullptr);
    for (const std::string &E : Env)
      EnvP.push_back(const_cast<char *>(E.c_str()));
    EnvP.push_back(nullptr);

    Pid = fork();
    if (Pid < 0)
      return AssertionFailure() << "fork: " << std::strerror(errno);
    if (Pid == 0) {
      // Child: only async-signal-safe calls.  Move the fds out of 0..2 first
      // so that the dup2()s below cannot clobber one another.
      int Src[3] = {In[0], Out[1], ErrFd};
      for (int &Fd : Src)
        Fd = fcntl(Fd, F_DUPFD, 10);
      for (int I = 0; I < 3; ++I)
        if (Src[I] < 0 || dup2(Src[I], I) < 0)
          _exit(126);
      for (int Fd : Src)
        ::close(Fd);
      execve(ArgvP[0], ArgvP.data(), EnvP.data());
      int E = errno;
      (void)!write(ExecErr[1], &E, sizeof E);
      _exit(127);
    }

    ::close(In[0]);
    ::close(Out[1]);
    ::close(ErrFd);
    ::close(ExecErr[1]);
    ToServer = In[1];
    FromServer = Out[0];
    int ExecErrno = 0;
    ssize_t N;
    do
      N = ::read(ExecErr[0], &ExecErrno, sizeof ExecErrno);
    while (N < 0 && errno == EINTR);
    ::close(ExecErr[0]);
    if (N == static_cast<ssize_t>(sizeof ExecErrno)) {
      reap(/*Block=*/true);
      return AssertionFailure() << "cannot execute " << Argv[0] << ": "
                                << std::strerror(ExecErrno);
    }
    fcntl(ToServer, F_SETFL, fcntl(ToServer, F_GETFL) | O_NONBLOCK);
    fcntl(FromServer, F_SETFL, fcntl(FromServer, F_GETFL) | O_NONBLOCK);
    return AssertionSuccess();
  }

  AssertionResult notify(StringRef Method, json::Value Params, Deadline D) {
    json::Object Msg{{"jsonrpc", "2.0"}, {"method", Method}};
    if (Params.kind() != json::Value::Null)
      Msg["params"] = std::move(Params);
    return send(json::Value(std::move(Msg)), D);
  }

  /// Sends a request and reads until its response arrives; notifications
  /// read meanwhile are kept for waitForNotification().
  AssertionResult call(StringRef Method, json::Value Params, Deadline D,
                       json::Value &Result) {
    int64_t Id = NextId++;
    json::Object Msg{{"jsonrpc", "2.0"}, {"id", Id}, {"method", Method}};
    if (Params.kind() != json::Value::Null)
      Msg["params"] = std::move(Params);
    if (AssertionResult R = send(json::Value(std::move(Msg)), D); !R)
      return R;
    while (true) {
      if (AssertionResult R = readMessage(D, "the response to " + Method.str());
          !R)
        return R;
      json::Object &M = *Last.getAsObject();
      if (M.get("method")) {
        if (AssertionResult R = dispatch(std::move(Last)); !R)
          return R;
        continue;
      }
      if (M.getInteger("id") != Id)
        continue; // A response to something else: not ours to judge.
      if (const json::Value *E = M.get("error"))
        return AssertionFailure() << Method.str() << " failed: " << str(*E)
                                  << tail();
      if (const json::Value *Res = M.get("result"))
        Result = *Res;
      else
        Result = nullptr;
      return AssertionSuccess();
    }
  }

  /// Reads until a notification satisfying Pred arrives (or one already
  /// read arrived), then stores it in Out.  Non-matching notifications read
  /// before it are consumed.
  AssertionResult
  waitForNotification(StringRef What,
                      const std::function<bool(const json::Object &)> &Pred,
                      Deadline D, json::Object &Out) {
    while (true) {
      while (!Pending.empty()) {
        json::Object N = std::move(Pending.front());
        Pending.pop_front();
        if (Pred(N)) {
          Out = std::move(N);
          return AssertionSuccess();
        }
      }
      if (AssertionResult R = readMessage(D, What); !R)
        return R;
      if (AssertionResult R = dispatch(std::move(Last)); !R)
        return R;
    }
  }

  /// shutdown, exit, and the process must then exit with code 0.
  AssertionResult shutdownAndExit(Deadline D) {
    json::Value Ignored = nullptr;
    if (AssertionResult R = call("shutdown", nullptr, D, Ignored); !R)
      return R;
    if (AssertionResult R = notify("exit", nullptr, D); !R)
      return R;
    ::close(ToServer);
    ToServer = -1;
    while (!reap(/*Block=*/false)) {
      if (Clock::now() >= D)
        return AssertionFailure()
               << "clangd did not exit after shutdown/exit" << tail();
      // Sleep by waiting for (and discarding) late output.
      pollfd P{FromServer, POLLIN, 0};
      if (FromServer >= 0 && ::poll(&P, 1, 50) > 0) {
        char Buf[4096];
        ssize_t N = ::read(FromServer, Buf, sizeof Buf);
        if (N == 0) {
          ::close(FromServer);
          FromServer = -1;
        }
      } else if (FromServer < 0) {
        ::usleep(50 * 1000);
      }
    }
    if (WIFEXITED(Status) && WEXITSTATUS(Status) == 0) {
      record("---", "exited with code 0");
      return AssertionSuccess();
    }
    return AssertionFailure() << "after shutdown/exit, clangd " << exitText()
                              << tail();
  }

  /// The last messages exchanged and the end of clangd's stderr, for failure
  /// messages.
  std::string tail() const {
    std::string Out = "\n---- LSP transcript (last messages) ----\n";
    size_t From = Transcript.size() > 40 ? Transcript.size() - 40 : 0;
    if (From)
      Out += llvm::formatv("... {0} earlier messages\n", From).str();
    for (size_t I = From; I < Transcript.size(); ++I)
      Out += Transcript[I] + "\n";
    Out += "---- clangd stderr (tail) ----\n";
    Out += StderrPath.empty() ? "(none)" : readFileTail(StderrPath, 4000);
    Out += "\n---- end ----\n";
    return Out;
  }

private:
  void record(StringRef Dir, StringRef Text) {
    double T =
        std::chrono::duration<double>(Clock::now() - Started).count();
    std::string Line = llvm::formatv("[{0:f3}s] {1} ", T, Dir).str();
    if (Text.size() > 1500)
      Line += (Text.take_front(1500) + "... (" + llvm::Twine(Text.size()) +
               " bytes)")
                  .str();
    else
      Line += Text.str();
    Transcript.push_back(std::move(Line));
  }

  std::string exitText() const {
    if (WIFEXITED(Status))
      return "exited with code " + std::to_string(WEXITSTATUS(Status));
    if (WIFSIGNALED(Status))
      return std::string("was killed by signal ") +
             std::to_string(WTERMSIG(Status)) + " (" +
             strsignal(WTERMSIG(Status)) + ")";
    return "ended with wait status " + std::to_string(Status);
  }

  /// True once the child has been reaped (Status valid).
  bool reap(bool Block) {
    if (Pid <= 0)
      return Reaped;
    pid_t R;
    do
      R = ::waitpid(Pid, &Status, Block ? 0 : WNOHANG);
    while (R < 0 && errno == EINTR);
    if (R == Pid) {
      Reaped = true;
      Pid = -1;
    }
    return Reaped;
  }

  void terminate() {
    if (ToServer >= 0)
      ::close(ToServer);
    if (FromServer >= 0)
      ::close(FromServer);
    ToServer = FromServer = -1;
    if (Pid > 0 && !reap(false)) {
      ::kill(Pid, SIGKILL);
      reap(true);
    }
  }

  /// Explains a dead pipe: what became of the process.
  std::string deathText() {
    for (int I = 0; I < 40 && !reap(false); ++I)
      ::usleep(50 * 1000);
    return Reaped ? "clangd " + exitText() : "clangd is still running";
  }

  /// Reads more bytes from clangd's stdout into InBuf.
  AssertionResult fill(Deadline D, StringRef What) {
    while (true) {
      auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      D - Clock::now())
                      .count();
      if (Left <= 0)
        return AssertionFailure()
               << "timed out waiting for " << What.str() << tail();
      pollfd P{FromServer, POLLIN, 0};
      int R = ::poll(&P, 1, static_cast<int>(std::min<long long>(Left, INT_MAX)));
      if (R < 0 && errno == EINTR)
        continue;
      if (R < 0)
        return AssertionFailure() << "poll: " << std::strerror(errno);
      if (R == 0)
        continue; // Re-checks the deadline.
      char Buf[65536];
      ssize_t N = ::read(FromServer, Buf, sizeof Buf);
      if (N < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (N < 0)
        return AssertionFailure() << "read: " << std::strerror(errno);
      if (N == 0)
        return AssertionFailure()
               << "clangd closed its stdout while we waited for "
               << What.str() << "; " << deathText() << tail();
      InBuf.append(Buf, static_cast<size_t>(N));
      return AssertionSuccess();
    }
  }

  /// Reads one complete message into Last.
  AssertionResult readMessage(Deadline D, StringRef What) {
    while (true) {
      size_t HeaderEnd = InBuf.find("\r\n\r\n");
      if (HeaderEnd != std::string::npos) {
        std::optional<size_t> Length;
        StringRef Headers = StringRef(InBuf).take_front(HeaderEnd);
        while (!Headers.empty()) {
          StringRef Line;
          std::tie(Line, Headers) = Headers.split("\r\n");
          auto [Name, Value] = Line.split(':');
          size_t L;
          if (Name.trim().equals_insensitive("content-length") &&
              !Value.trim().getAsInteger(10, L))
            Length = L;
        }
        if (!Length)
          return AssertionFailure()
                 << "LSP header without Content-Length: '"
                 << InBuf.substr(0, HeaderEnd) << "'" << tail();
        size_t BodyStart = HeaderEnd + 4;
        if (InBuf.size() >= BodyStart + *Length) {
          std::string Body = InBuf.substr(BodyStart, *Length);
          InBuf.erase(0, BodyStart + *Length);
          record("<--", Body);
          llvm::Expected<json::Value> V = json::parse(Body);
          if (!V)
            return AssertionFailure()
                   << "clangd sent invalid JSON ("
                   << llvm::toString(V.takeError()) << ")" << tail();
          if (!V->getAsObject())
            return AssertionFailure()
                   << "clangd sent a non-object message" << tail();
          Last = std::move(*V);
          return AssertionSuccess();
        }
      }
      if (AssertionResult R = fill(D, What); !R)
        return R;
    }
  }

  /// Handles a message that is not a response to our current call: server
  /// requests get a reply, notifications are queued.
  AssertionResult dispatch(json::Value V) {
    json::Object &M = *V.getAsObject();
    std::optional<StringRef> Method = M.getString("method");
    if (!Method)
      return AssertionSuccess(); // A stray response.
    const json::Value *Id = M.get("id");
    if (!Id) {
      Pending.push_back(std::move(M));
      return AssertionSuccess();
    }
    // A request from the server.  Progress tokens and capability
    // registrations are accepted (clangd may wait for the reply); anything
    // else is politely refused.
    json::Object Reply{{"jsonrpc", "2.0"}, {"id", *Id}};
    if (*Method == "window/workDoneProgress/create" ||
        *Method == "client/registerCapability")
      Reply["result"] = nullptr;
    else
      Reply["error"] = json::Object{
          {"code", -32601},
          {"message", "not supported by clangd_lsp_test"}};
    return send(json::Value(std::move(Reply)),
                Clock::now() + std::chrono::seconds(10));
  }

  AssertionResult send(const json::Value &Msg, Deadline D) {
    std::string Body = str(Msg);
    record("-->", Body);
    std::string Data =
        "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
    if (ToServer < 0)
      return AssertionFailure() << "clangd's stdin is closed" << tail();
    size_t Off = 0;
    while (Off < Data.size()) {
      auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      D - Clock::now())
                      .count();
      if (Left <= 0)
        return AssertionFailure() << "timed out writing to clangd" << tail();
      // While the pipe to clangd is full, keep draining its output so that
      // neither side can block the other.
      pollfd P[2] = {{ToServer, POLLOUT, 0}, {FromServer, POLLIN, 0}};
      int R = ::poll(P, 2, static_cast<int>(std::min<long long>(Left, INT_MAX)));
      if (R < 0 && errno == EINTR)
        continue;
      if (R < 0)
        return AssertionFailure() << "poll: " << std::strerror(errno);
      if (P[1].revents & (POLLIN | POLLHUP)) {
        char Buf[65536];
        ssize_t N = ::read(FromServer, Buf, sizeof Buf);
        if (N > 0)
          InBuf.append(Buf, static_cast<size_t>(N));
      }
      if (P[0].revents & (POLLERR | POLLHUP))
        return AssertionFailure() << "clangd closed its stdin; "
                                  << deathText() << tail();
      if (P[0].revents & POLLOUT) {
        ssize_t N = ::write(ToServer, Data.data() + Off, Data.size() - Off);
        if (N > 0)
          Off += static_cast<size_t>(N);
        else if (N < 0 && errno != EINTR && errno != EAGAIN)
          return AssertionFailure() << "writing to clangd: "
                                    << std::strerror(errno) << "; "
                                    << deathText() << tail();
      }
    }
    return AssertionSuccess();
  }

  pid_t Pid = -1;
  bool Reaped = false;
  int Status = 0;
  int ToServer = -1;
  int FromServer = -1;
  std::string InBuf;
  json::Value Last = nullptr;
  std::deque<json::Object> Pending;
  int64_t NextId = 1;
  Clock::time_point Started = Clock::now();
  std::vector<std::string> Transcript;
  std::string StderrPath;
};

//===----------------------------------------------------------------------===//
// The fixture: a temporary workspace and a server.
//===----------------------------------------------------------------------===//

class ClangdLspTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::signal(SIGPIPE, SIG_IGN);

    if (const char *Env = std::getenv("HIGHWATER_CLANGD"); Env && *Env)
      Server = Env;
#ifdef HIGHWATER_CLANGD_PATH
    else
      Server = HIGHWATER_CLANGD_PATH;
#endif
    if (Server.empty())
      GTEST_SKIP() << "no clangd to test: highwater-clangd is not part of "
                      "this build and HIGHWATER_CLANGD is not set";
    ASSERT_EQ(::access(Server.c_str(), X_OK), 0)
        << "the clangd under test, '" << Server
        << "', is not an executable file (HIGHWATER_CLANGD overrides it)";

    std::string Err;
    Scen = selectScenario(Err);
    ASSERT_NE(Scen, nullptr) << Err;

    if (const char *T = std::getenv("HIGHWATER_CLANGD_TIMEOUT"); T && *T)
      Timeout = std::chrono::seconds(std::max(1, std::atoi(T)));

    // <tmp>/highwater-lsp-XXXXXX/{ws,home,clangd.stderr}; real paths, since
    // clangd reports URIs of real paths.
    llvm::SmallString<256> Dir, Real;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("highwater-lsp", Dir));
    ASSERT_FALSE(llvm::sys::fs::real_path(Dir, Real));
    Root = std::string(Real);
    Workspace = Root + "/ws";
    Home = Root + "/home";
    ASSERT_FALSE(llvm::sys::fs::create_directories(Workspace));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Home + "/.config"));
    File = Workspace + "/" + SourceName;
    FileUri = fileUri(File);
  }

  void TearDown() override {
    if (Client && std::getenv("HIGHWATER_CLANGD_LSP_TRACE"))
      std::cerr << Client->tail();
    Client.reset();
    if (Root.empty())
      return;
    if (HasFailure() || std::getenv("HIGHWATER_CLANGD_KEEP")) {
      std::cerr << "note: workspace kept in " << Root << "\n";
      return;
    }
    llvm::sys::fs::remove_directories(Root);
  }

  Deadline deadline() const { return Clock::now() + Timeout; }

  AssertionResult writeFile(const std::string &Path, StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      return AssertionFailure() << "cannot write " << Path << ": "
                                << EC.message();
    OS << Text;
    OS.close();
    if (OS.has_error())
      return AssertionFailure() << "cannot write " << Path;
    return AssertionSuccess();
  }

  /// Writes the source, compile_flags.txt and .clangd, starts the server
  /// and runs initialize/initialized.
  AssertionResult startServer(StringRef Source) {
    if (AssertionResult R = writeFile(File, Source); !R)
      return R;
    if (AssertionResult R = writeFile(Workspace + "/compile_flags.txt",
                                      "-std=c++20\n-Wunused-variable\n");
        !R)
      return R;
    // No FastCheckFilter: clangd's default (Strict) must let the checks run.
    if (AssertionResult R = writeFile(
            Workspace + "/.clangd",
            std::string("Diagnostics:\n  ClangTidy:\n    Add: [") +
                Scen->AddGlob + "]\n");
        !R)
      return R;

    // The child's environment: ours, with the user configuration pointed
    // away from the real home and no extra flags from CLANGD_FLAGS.
    std::vector<std::string> Env;
    for (char **E = environ; *E; ++E) {
      StringRef V(*E);
      if (V.starts_with("HOME=") || V.starts_with("XDG_CONFIG_HOME=") ||
          V.starts_with("XDG_CACHE_HOME=") || V.starts_with("CLANGD_FLAGS="))
        continue;
      Env.push_back(V.str());
    }
    Env.push_back("HOME=" + Home);
    Env.push_back("XDG_CONFIG_HOME=" + Home + "/.config");
    Env.push_back("XDG_CACHE_HOME=" + Home + "/.cache");

    Client = std::make_unique<LspClient>();
    if (AssertionResult R = Client->start(
            {Server, "--log=error", "--enable-config",
             "--background-index=false"},
            Env, Root + "/clangd.stderr");
        !R)
      return R;

    json::Object Caps{
        {"textDocument",
         json::Object{
             {"codeAction",
              json::Object{
                  {"codeActionLiteralSupport",
                   json::Object{
                       {"codeActionKind",
                        json::Object{
                            {"valueSet",
                             json::Array{"", "quickfix", "refactor",
                                         "refactor.extract", "refactor.inline",
                                         "refactor.rewrite", "source",
                                         "source.organizeImports"}}}}}}}},
             {"publishDiagnostics",
              json::Object{{"codeActionsInline", true},
                           {"relatedInformation", true}}}}},
        {"window", json::Object{{"workDoneProgress", true}}}};
    std::string RootUri = fileUri(Workspace);
    json::Value Result = nullptr;
    if (AssertionResult R = Client->call(
            "initialize",
            json::Object{
                {"processId", static_cast<int64_t>(::getpid())},
                {"clientInfo", json::Object{{"name", "clangd_lsp_test"}}},
                {"rootUri", RootUri},
                {"workspaceFolders",
                 json::Array{json::Object{{"uri", RootUri}, {"name", "ws"}}}},
                {"capabilities", std::move(Caps)}},
            deadline(), Result);
        !R)
      return R;
    const json::Object *Res = Result.getAsObject();
    if (!Res || !Res->getObject("capabilities"))
      return AssertionFailure() << "initialize result has no capabilities"
                                << Client->tail();
    return Client->notify("initialized", json::Object{}, deadline());
  }

  static bool isSentinel(const json::Object &D) {
    return D.getString("message").value_or("").contains(SentinelName);
  }

  bool isFinding(const json::Object &D) const {
    return D.getString("source") == StringRef("clang-tidy") &&
           D.getString("code") == StringRef(Scen->Check);
  }

  /// didOpen, then the diagnostics of the first publishDiagnostics for the
  /// file that shows it was analysed: it holds the sentinel (always
  /// reported) or the finding.  Earlier publications (e.g. an empty one) are
  /// skipped.  The file must have parsed without errors.
  AssertionResult openAndAnalyse(StringRef Source, json::Array &Diags) {
    if (AssertionResult R = Client->notify(
            "textDocument/didOpen",
            json::Object{{"textDocument",
                          json::Object{{"uri", FileUri},
                                       {"languageId", "cpp"},
                                       {"version", 1},
                                       {"text", Source}}}},
            deadline());
        !R)
      return R;
    json::Object Msg;
    auto Analysed = [&](const json::Object &M) {
      if (M.getString("method") != StringRef("textDocument/publishDiagnostics"))
        return false;
      const json::Object *P = M.getObject("params");
      const json::Array *Ds = P ? P->getArray("diagnostics") : nullptr;
      std::optional<StringRef> U = P ? P->getString("uri") : std::nullopt;
      if (!Ds || !U || !sameUri(*U, FileUri))
        return false;
      return llvm::any_of(*Ds, [&](const json::Value &D) {
        const json::Object *O = D.getAsObject();
        return O && (isSentinel(*O) || isFinding(*O));
      });
    };
    if (AssertionResult R = Client->waitForNotification(
            "textDocument/publishDiagnostics for " + FileUri +
                " showing that the file was analysed",
            Analysed, deadline(), Msg);
        !R)
      return R;
    Diags = *Msg.getObject("params")->getArray("diagnostics");
    for (const json::Value &D : Diags)
      if (getPath(&D, {"severity"}) == 1)
        return AssertionFailure()
               << "the test file does not compile cleanly in clangd:\n"
               << describeDiagnostics(Diags) << Client->tail();
    return AssertionSuccess();
  }

  std::string Server;
  const Scenario *Scen = nullptr;
  std::chrono::seconds Timeout{60};
  std::string Root, Workspace, Home, File, FileUri;
  std::unique_ptr<LspClient> Client;
};

//===----------------------------------------------------------------------===//
// The tests.
//===----------------------------------------------------------------------===//

// The finding reaches the editor as a clang-tidy diagnostic on the loop, and
// its quick fix replaces the loop with the release idiom.
TEST_F(ClangdLspTest, MemberEraseLoopIsReportedWithReleaseFix) {
  std::string Source = std::string(Scen->Positive) + Sentinel;
  const int Line = lineOf(Source, Scen->Marker);
  ASSERT_GE(Line, 0);

  ASSERT_TRUE(startServer(Source));
  json::Array Diags;
  ASSERT_TRUE(openAndAnalyse(Source, Diags));

  // The finding on the loop's line; failing that, the first one anywhere
  // (and the line check below says what is wrong).
  const json::Object *Finding = nullptr;
  for (const json::Value &D : Diags)
    if (const json::Object *O = D.getAsObject(); O && isFinding(*O))
      if (!Finding || getPath(&D, {"range", "start", "line"}) == Line)
        Finding = O;
  ASSERT_NE(Finding, nullptr)
      << "no clang-tidy diagnostic " << Scen->Check
      << " was published; the file's diagnostics:\n"
      << describeDiagnostics(Diags) << Client->tail();
  json::Value FindingV = json::Object(*Finding);
  EXPECT_EQ(getPath(&FindingV, {"range", "start", "line"}), Line)
      << "the diagnostic is not on the loop's line (" << Line + 1 << "):\n"
      << str(FindingV, true);

  // Ask for the code actions of that diagnostic, as an editor does.
  json::Value Actions = nullptr;
  ASSERT_TRUE(Client->call(
      "textDocument/codeAction",
      json::Object{
          {"textDocument", json::Object{{"uri", FileUri}}},
          {"range", *Finding->get("range")},
          {"context", json::Object{{"diagnostics", json::Array{FindingV}}}}},
      deadline(), Actions));

  const std::regex Fix(Scen->FixRegex);
  bool Found = false;
  const json::Array *List = Actions.getAsArray();
  ASSERT_NE(List, nullptr) << "codeAction reply is not an array:\n"
                           << str(Actions, true) << Client->tail();
  for (const json::Value &A : *List) {
    const json::Object *Act = A.getAsObject();
    if (!Act || Act->getString("kind") != StringRef("quickfix"))
      continue;
    const json::Object *Edit = Act->getObject("edit");
    if (!Edit)
      continue;
    // Edits of our file, from `changes` or from `documentChanges`.
    std::vector<const json::Value *> Edits;
    if (const json::Object *Changes = Edit->getObject("changes"))
      for (const auto &KV : *Changes)
        if (sameUri(KV.first.str(), FileUri))
          if (const json::Array *Es = KV.second.getAsArray())
            for (const json::Value &E : *Es)
              Edits.push_back(&E);
    if (const json::Array *DCs = Edit->getArray("documentChanges"))
      for (const json::Value &DC : *DCs) {
        const json::Object *O = DC.getAsObject();
        const json::Object *TD = O ? O->getObject("textDocument") : nullptr;
        std::optional<StringRef> U = TD ? TD->getString("uri") : std::nullopt;
        if (U && sameUri(*U, FileUri))
          if (const json::Array *Es = O->getArray("edits"))
            for (const json::Value &E : *Es)
              Edits.push_back(&E);
      }
    for (const json::Value *E : Edits) {
      const json::Object *EO = E->getAsObject();
      std::string NewText =
          EO ? EO->getString("newText").value_or("").str() : "";
      if (getPath(E, {"range", "start", "line"}) == Line &&
          std::regex_search(NewText, Fix))
        Found = true;
    }
  }
  EXPECT_TRUE(Found) << "no quickfix code action edits the loop's line into "
                        "text matching /"
                     << Scen->FixRegex << "/; the reply:\n"
                     << str(Actions, true) << Client->tail();

  ASSERT_TRUE(Client->shutdownAndExit(deadline()));
}

// A local container is emptied by the same loop: no highwater finding.
TEST_F(ClangdLspTest, LocalEraseLoopIsNotReported) {
  std::string Source = std::string(Scen->Negative) + Sentinel;
  ASSERT_TRUE(startServer(Source));
  json::Array Diags;
  ASSERT_TRUE(openAndAnalyse(Source, Diags));
  EXPECT_FALSE(llvm::any_of(Diags, [&](const json::Value &D) {
    const json::Object *O = D.getAsObject();
    return O && O->getString("code").value_or("").starts_with(
                    Scen->ForbiddenPrefix);
  })) << "unexpected " << Scen->ForbiddenPrefix
      << "* diagnostic on the local-container source:\n"
      << describeDiagnostics(Diags) << Client->tail();
  ASSERT_TRUE(Client->shutdownAndExit(deadline()));
}

// `// NOLINT(<check>)` on the loop's line silences the finding in clangd.
TEST_F(ClangdLspTest, NolintSuppressesTheFinding) {
  std::string Source =
      appendToLine(Scen->Positive, Scen->Marker,
                   std::string(" // NOLINT(") + Scen->Check + ")") +
      Sentinel;
  ASSERT_TRUE(startServer(Source));
  json::Array Diags;
  ASSERT_TRUE(openAndAnalyse(Source, Diags));
  EXPECT_FALSE(llvm::any_of(Diags, [&](const json::Value &D) {
    const json::Object *O = D.getAsObject();
    return O && O->getString("code") == StringRef(Scen->Check);
  })) << "NOLINT did not suppress " << Scen->Check << ":\n"
      << describeDiagnostics(Diags) << Client->tail();
  ASSERT_TRUE(Client->shutdownAndExit(deadline()));
}

} // namespace
