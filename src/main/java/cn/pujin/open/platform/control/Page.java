package cn.pujin.open.platform.control;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list of the API returns it: {@code {"items": [...], "total": n}}. */
public record Page<T>(List<T> items, long total) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total);
    }
}
