package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.pickle.PickleValue.Container;
import io.lotabots.attestation.model.pickle.PickleValue.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unpickler's working memory as CPython keeps it: the stack, the mark stack (MARK sets the current stack aside
 * and starts a new one), the memo, and the items of containers. Each is bounded by the scan's value limit: the stack
 * and memo by refusing more (the load is then not simulated to its end: a finding), container items by no longer
 * tracking them (the checks need only their first items).
 */
final class PickleStack {

    private final PickleCursor cursor;
    private final int maxValues;
    private List<PickleValue> stack = new ArrayList<>();
    private final Deque<List<PickleValue>> marks = new ArrayDeque<>();
    private final Map<Long, PickleValue> memo = new HashMap<>();
    private int stackValues;
    private int trackedItems;

    PickleStack(PickleCursor cursor, int maxValues) {
        this.cursor = cursor;
        this.maxValues = maxValues;
    }

    void mark() {
        marks.push(stack);
        stack = new ArrayList<>();
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }

    void push(PickleValue value) {
        if (++stackValues > maxValues) {
            throw cursor.problem(
                    "too-large",
                    "the stream holds more than " + maxValues + " values; it was not simulated to its end");
        }
        stack.add(value);
    }

    PickleValue pop() {
        if (stack.isEmpty()) {
            throw cursor.problem("stack-underflow", cursor.where() + " pops from an empty stack");
        }
        stackValues--;
        return stack.remove(stack.size() - 1);
    }

    PickleValue top() {
        if (stack.isEmpty()) {
            throw cursor.problem("stack-underflow", cursor.where() + " needs a value on the stack");
        }
        return stack.get(stack.size() - 1);
    }

    /** The items pushed since the last MARK; the stack before it becomes current again. */
    List<PickleValue> popMark() {
        if (marks.isEmpty()) {
            throw cursor.problem("no-mark", cursor.where() + " needs a MARK that was never set");
        }
        List<PickleValue> items = stack;
        stackValues -= items.size();
        stack = marks.pop();
        return items;
    }

    Tuple tuple(int n) {
        PickleValue[] items = new PickleValue[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return new Tuple(List.of(items));
    }

    PickleValue recall(long index) {
        PickleValue value = memo.get(index);
        if (value == null) {
            throw cursor.problem("memo-missing", cursor.where() + " reads memo " + index + ", never stored");
        }
        return value;
    }

    void remember(long index) {
        if (!memo.containsKey(index) && memo.size() >= maxValues) {
            throw cursor.problem("too-large", "the memo holds more than " + maxValues + " values");
        }
        memo.put(index, top());
    }

    /** MEMOIZE's index: the memo's size, not its largest index, as in CPython. */
    long nextMemoIndex() {
        return memo.size();
    }

    void add(PickleValue target, List<PickleValue> items) {
        if (target instanceof Container container && !container.truncated()) {
            if (trackedItems + items.size() > maxValues) {
                container.truncate();
                return;
            }
            trackedItems += items.size();
            container.items().addAll(items);
        }
    }

    Container filled(Container.Kind kind, List<PickleValue> items) {
        Container container = new Container(kind);
        add(container, items);
        return container;
    }

    List<PickleValue> pairs(List<PickleValue> items) {
        if (items.size() % 2 != 0) {
            throw cursor.problem("odd-items", cursor.where() + " has an odd number of keys and values");
        }
        return items;
    }
}
