package plancheck.model;

/**
 * A text in Chinese and English. Chinese is the default language of plancheck's reports.
 *
 * @param zh the Chinese text
 * @param en the English text
 */
public record Text(String zh, String en) {
    /** @return the text in {@code lang} ("en" gives English, anything else Chinese). */
    public String in(String lang) { return "en".equals(lang) ? en : zh; }
}
