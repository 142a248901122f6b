package plancheck.standards;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/**
 * A table whose rows contradict each other, refused by the table's own class (an accident grade listed
 * twice, AQI categories with a gap, a carrier in a unit the table lacks …): what is wrong in Chinese and
 * English, from {@code plancheck/i18n/standards.yaml}. {@link #getMessage()} is the English;
 * {@link StandardsLoader} reports {@link #text()} with the file and place.
 */
public final class TableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    /**
     * @param key  the message key in standards.yaml
     * @param args name/value pairs; a text value (a key or a name from the table) is cut by {@link Bounded}
     */
    TableException(String key, Object... args) {
        this(Msg.text(key, bounded(args)));
    }

    private TableException(Text text) {
        super(text.en());
        this.text = text;
    }

    private static Object[] bounded(Object[] args) {
        Object[] out = args.clone();
        for (int i = 1; i < out.length; i += 2) {
            if (out[i] instanceof String s) {
                out[i] = Bounded.cut(s);
            }
        }
        return out;
    }

    /** @return what is wrong, in Chinese and English */
    public Text text() {
        return text;
    }
}
