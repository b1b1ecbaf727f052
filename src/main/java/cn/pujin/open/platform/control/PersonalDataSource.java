package cn.pujin.open.platform.control;

/**
 * One feature's part of a person's data export ("download all my data"): each feature that stores personal data
 * contributes its section, so the export cannot forget a feature added later without its own implementation.
 */
public interface PersonalDataSource {

    /** The section's name in the JSON export and heading key {@code data.section.NAME} in the readable copy. */
    String section();

    /** Plain values, lists and maps (serialised with JSON-B); null when the person has nothing here. */
    Object export(Long accountId);
}
