// RUN: %check_highwater %s highwater-erase-all-loop %t -- -- -std=c++20
// RUN: %check_highwater -check-suffixes=,CALLER %s highwater-erase-all-loop %t -- -config="{CheckOptions: {highwater-erase-all-loop.LifetimeKinds: 'member;global;static-member;function-static;thread-local;loop-carried-local;caller-owned'}}" -- -std=c++20

#include <array>
#include <cstdlib>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

struct Record {
  std::array<char, 128> Payload;
};
void use(int);
void use(const Record &);

// ---- Positives: every loop form on a data member -------------------------

using Records = std::unordered_map<int, Record>;
typedef std::vector<int> IntVector;

class Processor {
public:
  void iteratorFor() {
    for (auto it = records_.begin(); it != records_.end();)
      it = records_.erase(it);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'records_' (a data member of 'Processor') is emptied one element at a time, which keeps its bucket array (8 bytes per bucket) at the high-water mark and costs a pass per element; release it at once with 'records_ = Records();' [highwater-erase-all-loop]
    // CHECK-FIXES: {{^}}    records_ = Records();{{$}}
  }

  void iteratorWhile() {
    auto it = index_.begin();
    while (it != index_.end()) {
      it = index_.erase(it);
    }
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'index_' (a data member of 'Processor') is emptied one element at a time, which keeps its bucket array (8 bytes per bucket) at the high-water mark and costs a pass per element; release it at once with 'index_ = std::unordered_map<int, int>();'
    // CHECK-FIXES: {{^}}    index_ = std::unordered_map<int, int>();{{$}}
  }

  void postIncrement() {
    for (auto it = names_.begin(); it != names_.end();)
      names_.erase(it++);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'names_' (a data member of 'Processor') is emptied one element at a time, which keeps its bucket array (8 bytes per bucket)
    // CHECK-FIXES: {{^}}    names_ = std::unordered_set<std::string>();{{$}}
  }

  void eraseBegin() {
    while (!index_.empty())
      index_.erase(index_.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'index_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    index_ = std::unordered_map<int, int>();{{$}}
  }

  void eraseKeyOfBegin() {
    while (index_.size() > 0) {
      int Key = index_.begin()->first;
      index_.erase(Key);
    }
    // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 'index_' (a data member of 'Processor') is emptied one element at a time, which keeps its bucket array
  }

  void popBack() {
    while (!values_.empty())
      values_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time, which keeps its element buffer (4 bytes per element) at the high-water mark and costs a pass per element; release it at once with 'values_ = IntVector();'
    // CHECK-FIXES: {{^}}    values_ = IntVector();{{$}}
  }

  void popQueue() {
    while (!queue_.empty())
      queue_.pop();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'queue_' (a data member of 'Processor') is emptied one element at a time, which keeps its block map (8 bytes per block) at the high-water mark and costs a pass per element; release it at once with 'queue_ = std::queue<int>();'
    // CHECK-FIXES: {{^}}    queue_ = std::queue<int>();{{$}}
  }

  void popStackDoWhile() {
    do {
      stack_.pop();
    } while (stack_.size() != 0);
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'stack_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    stack_ = std::stack<int, std::vector<int>>();{{$}}
  }

  void countedDown() {
    for (auto n = values_.size(); n > 0; --n)
      values_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    values_ = IntVector();{{$}}
  }

  void indexFromBack() {
    for (int i = static_cast<int>(values_.size()) - 1; i >= 0; --i)
      values_.erase(values_.begin() + i);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    values_ = IntVector();{{$}}
  }

  void countedUpToSize() {
    for (std::size_t i = 0, n = values_.size(); i < n; ++i)
      values_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    values_ = IntVector();{{$}}
  }

  void stringPopBack() {
    while (!text_.empty())
      text_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'text_' (a data member of 'Processor') is emptied one element at a time, which keeps its character buffer (1 byte per character) at the high-water mark and costs a pass per element; release it at once with 'std::string().swap(text_);'
    // CHECK-FIXES: {{^}}    std::string().swap(text_);{{$}}
  }

  void nodeBased() {
    while (!ordered_.empty())
      ordered_.erase(ordered_.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'ordered_' (a data member of 'Processor') is emptied one element at a time; its nodes are freed either way, so clear it at once with 'ordered_.clear();'
    // CHECK-FIXES: {{^}}    ordered_.clear();{{$}}
  }

  void largeInlineValues() {
    while (!batch_.empty())
      batch_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'batch_' (a data member of 'Processor') is emptied one element at a time, which keeps its element buffer (128 bytes per element) at the high-water mark
    // CHECK-FIXES: {{^}}    batch_ = std::vector<Record>();{{$}}
  }

  void drainHeapInOrder() {
    // Popping is the only way to read a priority_queue in order.
    while (!heap_.empty()) {
      use(heap_.top());
      heap_.pop();
    }
  }

  void workPerElement() {
    while (!values_.empty()) {
      use(values_.back());
      values_.pop_back();
    }
    // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time while its elements are processed, which keeps its element buffer (4 bytes per element) at the high-water mark; process the elements, then release it once with 'values_ = IntVector();' after the loop
  }

  void elementOfMember(std::size_t W) {
    while (!buckets_[W].empty())
      buckets_[W].pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'buckets_[W]' (a data member of 'Processor') is emptied one element at a time, {{.*}} release it at once with 'buckets_[W] = std::vector<int>();'
  }

  [[noreturn]] void fatal() {
    while (!values_.empty())
      values_.pop_back();
    std::abort();
  }

  void emitThenErase() {
    for (auto it = records_.begin(); it != records_.end();) {
      use(it->second);
      it = records_.erase(it);
    }
    // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: 'records_' (a data member of 'Processor') is emptied one element at a time while its elements are processed
  }

  void explicitThis() {
    for (auto it = this->records_.begin(); it != this->records_.end();)
      it = this->records_.erase(it);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'this->records_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    this->records_ = Records();{{$}}
  }

  // ---- Negatives on the same members --------------------------------------

  void conditionalErase() {
    for (auto it = index_.begin(); it != index_.end();) {
      if (it->second < 0)
        it = index_.erase(it);
      else
        ++it;
    }
  }

  void stopsEarly() {
    while (!values_.empty()) {
      if (values_.back() == 0)
        break;
      values_.pop_back();
    }
    for (auto it = index_.begin(); it != index_.end();) {
      if (it->first == 42)
        return;
      it = index_.erase(it);
    }
  }

  void breakInNestedLoopStillEmptiesEverything() {
    while (!values_.empty()) {
      for (int i = 0; i < 3; ++i)
        if (i == values_.back())
          break;
      values_.pop_back();
    }
    // CHECK-MESSAGES: :[[@LINE-6]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time while its elements are processed
  }

  void worklist() {
    while (!values_.empty()) {
      int Next = values_.back();
      values_.pop_back();
      if (Next > 1)
        values_.push_back(Next / 2);
    }
  }

  void worklistThroughMember() {
    while (!values_.empty()) {
      int Next = values_.back();
      values_.pop_back();
      visit(Next);
    }
  }

  void releasedAfter() {
    for (auto it = records_.begin(); it != records_.end();)
      it = records_.erase(it);
    records_ = Records();
  }

  void rehashedAfter() {
    while (!index_.empty())
      index_.erase(index_.begin());
    index_.rehash(0);
  }

  void releasedOnEveryBranch(bool Flag) {
    while (!values_.empty())
      values_.pop_back();
    if (Flag)
      IntVector().swap(values_);
    else
      values_.shrink_to_fit();
  }

  void releasedOnOneBranchOnly(bool Flag) {
    while (!values_.empty())
      values_.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'values_' (a data member of 'Processor') is emptied one element at a time
    // CHECK-FIXES: {{^}}    values_ = IntVector();{{$}}
    if (Flag)
      values_.shrink_to_fit();
  }

  void drainDequeQueueWithWork() {
    // Draining a queue to consume it frees its blocks as it goes.
    while (!queue_.empty()) {
      use(queue_.front());
      queue_.pop();
    }
  }

  void drainNodeBasedWithWork() {
    while (!ordered_.empty()) {
      use(ordered_.begin()->second);
      ordered_.erase(ordered_.begin());
    }
  }

  void halfOnly() {
    for (std::size_t i = 0; i < values_.size(); ++i)
      values_.pop_back();
  }

  void middleRange() {
    values_.erase(values_.begin() + 1, values_.end() - 1);
    index_.erase(3);
  }

  void otherContainerEmptiness() {
    while (!values_.empty())
      index_.erase(index_.begin());
  }

private:
  void visit(int V) { values_.push_back(V); }

  Records records_;
  std::unordered_map<int, int> index_;
  std::unordered_set<std::string> names_;
  IntVector values_;
  std::queue<int> queue_;
  std::stack<int, std::vector<int>> stack_;
  std::priority_queue<int> heap_;
  std::string text_;
  std::map<int, int> ordered_;
  std::vector<Record> batch_;
  std::vector<std::vector<int>> buckets_;
};

// ---- Lifetimes ------------------------------------------------------------

std::unordered_map<int, int> GlobalCache;
thread_local std::vector<int> PerThread;

struct Registry {
  static std::unordered_map<int, int> Shared;
  void reset() {
    while (!Shared.empty())
      Shared.erase(Shared.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Shared' (a static data member of 'Registry') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Shared = std::unordered_map<int, int>();{{$}}
  }
};

void global() {
  for (auto it = GlobalCache.begin(); it != GlobalCache.end();)
    it = GlobalCache.erase(it);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'GlobalCache' (a global) is emptied one element at a time
  // CHECK-FIXES: {{^}}  GlobalCache = std::unordered_map<int, int>();{{$}}
}

void threadLocal() {
  while (!PerThread.empty())
    PerThread.pop_back();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'PerThread' (a thread_local) is emptied one element at a time
  // CHECK-FIXES: {{^}}  PerThread = std::vector<int>();{{$}}
}

void functionStatic() {
  static std::deque<int> Pending;
  while (!Pending.empty())
    Pending.pop_front();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Pending' (a function-local static) is emptied one element at a time, which keeps its block map (8 bytes per block)
  // CHECK-FIXES: {{^}}  Pending = std::deque<int>();{{$}}
}

void keyList() {
  std::vector<int> Keys;
  for (const auto &KV : GlobalCache)
    Keys.push_back(KV.first);
  for (int K : Keys)
    GlobalCache.erase(K);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'GlobalCache' (a global) is emptied one element at a time
}

void keyListPartial() {
  std::vector<int> Keys;
  for (const auto &KV : GlobalCache)
    if (KV.second > 0)
      Keys.push_back(KV.first);
  for (int K : Keys)
    GlobalCache.erase(K);
}

void batchCycle(int Batches) {
  std::unordered_map<int, int> Seen;
  for (int B = 0; B < Batches; ++B) {
    Seen[B] = B;
    for (auto it = Seen.begin(); it != Seen.end();)
      it = Seen.erase(it);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Seen' (a local that outlives the loop emptying it on every cycle) is emptied one element at a time
    // CHECK-FIXES: {{^}}    Seen = std::unordered_map<int, int>();{{$}}
  }
}

void localDies() {
  std::unordered_map<int, int> M;
  M[1] = 2;
  for (auto it = M.begin(); it != M.end();)
    it = M.erase(it);
}

void localInsideLoopDies(int Batches) {
  for (int B = 0; B < Batches; ++B) {
    std::vector<int> Scratch(100, B);
    while (!Scratch.empty())
      Scratch.pop_back();
  }
}

void callerOwned(std::unordered_map<int, int> &Table) {
  while (!Table.empty())
    Table.erase(Table.begin());
  // CHECK-MESSAGES-CALLER: :[[@LINE-2]]:3: warning: 'Table' (owned by the caller through a parameter) is emptied one element at a time
}

void byValue(std::unordered_map<int, int> Table) {
  while (!Table.empty())
    Table.erase(Table.begin());
}

struct Holder {
  std::unordered_map<int, int> Map;
  std::unordered_map<int, int> &Alias;
  void drainAlias() {
    while (!Alias.empty())
      Alias.erase(Alias.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Alias' (a data member of 'Holder') is emptied one element at a time
  }
};

void throughAnotherObject(Holder &H, Holder *P) {
  while (!H.Map.empty())
    H.Map.erase(H.Map.begin());
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'H.Map' (a data member of 'Holder') is emptied one element at a time
  while (!P->Map.empty())
    P->Map.erase(P->Map.begin());
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'P->Map' (a data member of 'Holder') is emptied one element at a time
}

void localObjectMember() {
  Holder *Unused = nullptr;
  (void)Unused;
  struct Local {
    std::vector<int> V;
  } L;
  L.V.push_back(1);
  while (!L.V.empty())
    L.V.pop_back();
}

// ---- Types: stateful parts, templates, macros ------------------------------

struct SeededHash {
  std::size_t Seed = 7;
  std::size_t operator()(int V) const { return V ^ Seed; }
};

struct WithState {
  std::unordered_map<int, int, SeededHash> Seeded;
  std::map<int, int, std::function<bool(int, int)>> Sorted;
  void drain() {
    while (!Seeded.empty())
      Seeded.erase(Seeded.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Seeded' (a data member of 'WithState') is emptied one element at a time
    while (!Sorted.empty())
      Sorted.erase(Sorted.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Sorted' (a data member of 'WithState') is emptied one element at a time; its nodes are freed either way, so clear it at once with 'Sorted.clear();'
    // CHECK-FIXES: {{^}}    Sorted.clear();{{$}}
  }
};

template <typename T> class Cache {
public:
  void flush() {
    for (auto it = Entries.begin(); it != Entries.end();)
      it = Entries.erase(it);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Entries' (a data member of 'Cache') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Entries = std::unordered_map<int, T>();{{$}}
  }

private:
  std::unordered_map<int, T> Entries;
};

template class Cache<int>;
template class Cache<long>;

template <typename C> void genericDrain(C &Container) {
  while (!Container.empty())
    Container.pop_back();
  // CHECK-MESSAGES-CALLER: :[[@LINE-2]]:3: warning: 'Container' (owned by the caller through a parameter) is emptied one element at a time
}

void instantiate(std::vector<int> &V) { genericDrain(V); }

#define DRAIN(C)                                                               \
  while (!(C).empty())                                                         \
    (C).pop_back();

struct Macro {
  std::vector<int> V;
  void drain() {
    DRAIN(V)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'V' (a data member of 'Macro') is emptied one element at a time
  }
};

void useAuto() {
  static auto Table = std::unordered_map<int, int>();
  while (!Table.empty())
    Table.erase(Table.begin());
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'Table' (a function-local static) is emptied one element at a time
  // CHECK-FIXES: {{^}}  Table = decltype(Table)();{{$}}
}

void nolint() {
  while (!GlobalCache.empty()) // NOLINT(highwater-erase-all-loop)
    GlobalCache.erase(GlobalCache.begin());
}

// Reading a vector's elements by index while draining it does not put any
// back: only a map's operator[] inserts.
long readIndexed(long);
class IndexedDrainer {
public:
  void drain() {
    while (!Stack.empty()) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Stack' (a data member of 'IndexedDrainer') is emptied one element at a time while its elements are processed
      readIndexed(Stack[Stack.size() - 1]);
      Stack.pop_back();
    }
  }
  // A hash map's operator[] in the loop may insert: not an emptying loop.
  void drainCounted() {
    while (!Counts.empty()) {
      ++Counts[0];
      Counts.erase(Counts.begin());
    }
  }

private:
  std::vector<long> Stack;
  std::unordered_map<long, long> Counts;
};

// Loops counted down from size() in the condition run once per element.
class CountedDown {
public:
  void postDecrementCompared() {
    for (auto N = Items.size(); N-- > 0;)
      Items.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Items' (a data member of 'CountedDown') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Items = std::vector<long>();{{$}}
  }
  void postDecrementAlone() {
    for (std::size_t N = Items.size(); N--;)
      Items.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Items' (a data member of 'CountedDown') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Items = std::vector<long>();{{$}}
  }
  // Counted from part of the size: elements stay, nothing to report.
  void half() {
    for (auto N = Items.size() / 2; N-- > 0;)
      Items.pop_back();
    for (std::size_t N = Items.size() - 2; N > 0; --N)
      Items.pop_back();
  }

private:
  std::vector<long> Items;
};
