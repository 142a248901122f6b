package plancheck.service;

/** The service's contract against the embedded default: H2 in file mode. */
class H2ServiceTest extends ServiceContract {
    @Override
    String dbUrl() {
        return null;
    }
}
