package plancheck.service;

/**
 * The service's contract against a real PostgreSQL server ({@code PLANCHECK_TEST_PG}, started by
 * .ci/postgres.sh): skipped only outside CI when the variable is not set; fails when it is set and the
 * server does not answer.
 */
class PostgresServiceTest extends ServiceContract {
    @Override
    String dbUrl() {
        return ServiceFixture.postgresSchema();
    }
}
