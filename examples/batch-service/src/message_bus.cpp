#include "message_bus.h"

void MessageBus::publish(const std::vector<Message> &Batch) {
  for (const Message &M : Batch) {
    Pending.push_back(M);
    ++TopicCounts[M.Topic];
  }
}

void MessageBus::deliver() {
  for (const Message &M : Pending)
    for (std::size_t I = 0; I < HandlerCount; ++I)
      Handlers[I]->OnMessage(M);
  // Emptied after every batch: the buffer stays at the largest batch's size.
  Pending.clear();
}

void MessageBus::subscribe(std::uint64_t Topic, std::shared_ptr<Handler> H) {
  if (HandlerCount < 64)
    Handlers[HandlerCount++] = std::move(H);
  TopicCounts[Topic];
}

void MessageBus::unsubscribeLast() {
  // The slot past the new end still owns the handler and its 64 KiB.
  --HandlerCount;
}

void MessageBus::resetTopics() {
  // Reads like a release; keeps the bucket array.
  TopicCounts = {};
}
