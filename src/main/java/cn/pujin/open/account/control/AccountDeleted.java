package cn.pujin.open.account.control;

/**
 * CDI event, fired inside the deleting transaction before the account's own fields are cleared: each feature
 * removes or anonymises what it keeps about the person (registrations' statements, the pool entry, notices…).
 */
public record AccountDeleted(Long accountId) {}
