-- One database per service (and test twins), as tools/infra/postgres.sh creates them on a machine without Docker.
CREATE DATABASE jiebang_challenge;
CREATE DATABASE jiebang_matching;
CREATE DATABASE jiebang_notification;
CREATE DATABASE jiebang_challenge_test;
CREATE DATABASE jiebang_matching_test;
CREATE DATABASE jiebang_notification_test;
