package cn.pujin.open.registration.control;

import cn.pujin.open.registration.entity.Category;

/**
 * {@code POST /events/{id}/registrations}: empty for an open day; for a decision meeting the application
 * (category, organisation — required for ENTERPRISE — and a statement of interest of 20–1000 characters).
 */
public record RegistrationRequest(Category category, String statement, String organisation) {

    public static final RegistrationRequest EMPTY = new RegistrationRequest(null, null, null);
}
