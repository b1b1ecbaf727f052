package cn.pujin.open.account.control;

/**
 * What a notice and a registration's answer need of a person: name, masked phone, and the encrypted e-mail address
 * (read with {@link Contacts#of}, one row, no roles).
 */
public record Contact(Long id, String displayName, String phoneMasked, String emailCipher) {}
