package cn.pujin.open.platform.boundary;

/** The body of every state change that must say why: reject, cancel, return for revision ({@code {"reason": "…"}}). */
public record ReasonRequest(String reason) {}
