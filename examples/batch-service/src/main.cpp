#include "message_bus.h"
#include "record_store.h"
#include "session_table.h"
#include <unordered_set>

namespace {
std::unordered_set<std::uint64_t> SeenIds;

void forgetSeen() {
  for (auto It = SeenIds.begin(); It != SeenIds.end();)
    It = SeenIds.erase(It);
}
} // namespace

int main() {
  RecordStore Store;
  SessionTable Sessions;
  MessageBus Bus;
  Bus.subscribe(1, std::make_shared<Handler>());
  for (int Cycle = 0; Cycle < 3; ++Cycle) {
    std::vector<Record> Batch(1000 * (Cycle == 1 ? 6 : 1));
    for (std::size_t I = 0; I < Batch.size(); ++I) {
      Batch[I].Id = I;
      SeenIds.insert(I);
    }
    Store.load(Batch);
    Store.emitAll();
    Store.drainRetries();
    Store.flush();
    Sessions.open(Cycle, "user");
    Sessions.expireAll();
    forgetSeen();
    Bus.publish(std::vector<Message>(Batch.size(), Message{1, "payload"}));
    Bus.deliver();
  }
  Bus.unsubscribeLast();
  Bus.resetTopics();
  countWords("a b a");
  return 0;
}
