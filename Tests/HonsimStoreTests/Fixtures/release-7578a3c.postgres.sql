-- A store made by honsim at commit 7578a3c, the release before the one list of migrations
-- (its PostgreSQL schema v1-v5), kept for MigrationUpgradeTests: a store of that release must open and upgrade.
-- Made with that release's binary: `honsim init`, then `honsim seed --dir` on a reduced copy of
-- seeds/ (the 31 dongs, households 1-30, volunteers 1-25, 26 requests of every status), then
-- assign, confirm, start, complete, cancel, release, `volunteer off` and `users add` (park,
-- choi). Synthetic demo data only.
-- Dumped with `pg_dump --no-owner`, the grants to honsim_user kept; the \restrict lines of newer pg_dump taken out, which older psql does not know. Loaded with `psql -f`.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


--
-- Name: honsim_bump_revision(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_bump_revision() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = TG_ARGV[0];
    RETURN NULL;
END $$;


--
-- Name: honsim_coordinator_dongs(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_coordinator_dongs() RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path TO 'public'
    AS $$
    SELECT coalesce((SELECT string_to_array(dongs, ',') FROM users WHERE name = current_user AND role = 'coordinator'), '{}')
$$;


--
-- Name: honsim_is_admin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_is_admin() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'public'
    AS $$
    SELECT EXISTS (SELECT 1 FROM users WHERE name = current_user AND role = 'admin')
$$;


--
-- Name: honsim_keep_load(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_keep_load() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state IN ('active', 'completed') THEN
        UPDATE volunteer_load SET minutes = minutes - OLD.minutes
            WHERE volunteer_id = OLD.volunteer_id AND period IN (OLD.week_key, OLD.month_key);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state IN ('active', 'completed') THEN
        INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.week_key, NEW.minutes)
            ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = volunteer_load.minutes + excluded.minutes;
        INSERT INTO volunteer_load (volunteer_id, period, minutes) VALUES (NEW.volunteer_id, NEW.month_key, NEW.minutes)
            ON CONFLICT (volunteer_id, period) DO UPDATE SET minutes = volunteer_load.minutes + excluded.minutes;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: honsim_notify(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('honsim_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;


--
-- Name: honsim_request_dong(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_request_dong(request_id bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $_$
    SELECT dong_code FROM escort_request WHERE id = $1
$_$;


--
-- Name: honsim_volunteer_dong(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.honsim_volunteer_dong(volunteer_id bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $_$
    SELECT dong_code FROM volunteer WHERE id = $1
$_$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: assignment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assignment (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    volunteer_id bigint NOT NULL,
    household_id bigint NOT NULL,
    starts_at bigint NOT NULL,
    ends_at bigint NOT NULL,
    state text NOT NULL,
    minutes bigint NOT NULL,
    week_key text NOT NULL,
    month_key text NOT NULL,
    assigned_at bigint NOT NULL,
    assigned_by text NOT NULL,
    ended_at bigint,
    ended_by text,
    reason text,
    CONSTRAINT assignment_check CHECK ((ends_at > starts_at)),
    CONSTRAINT assignment_state_check CHECK ((state = ANY (ARRAY['active'::text, 'completed'::text, 'released'::text, 'cancelled'::text, 'no_show'::text])))
);


--
-- Name: assignment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.assignment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: assignment_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.assignment_id_seq OWNED BY public.assignment.id;


--
-- Name: audit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit (
    id bigint NOT NULL,
    at bigint NOT NULL,
    "user" text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    dong_code text,
    before text,
    after text
);


--
-- Name: audit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_id_seq OWNED BY public.audit.id;


--
-- Name: availability_window; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.availability_window (
    volunteer_id bigint NOT NULL,
    weekday bigint NOT NULL,
    start_minute bigint NOT NULL,
    end_minute bigint NOT NULL,
    CONSTRAINT availability_window_check CHECK (((0 <= start_minute) AND (start_minute < end_minute) AND (end_minute <= 1440))),
    CONSTRAINT availability_window_weekday_check CHECK (((weekday >= 1) AND (weekday <= 7)))
);


--
-- Name: day_off; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.day_off (
    id bigint NOT NULL,
    volunteer_id bigint NOT NULL,
    from_date text NOT NULL,
    to_date text NOT NULL,
    reason text DEFAULT ''::text NOT NULL,
    CONSTRAINT day_off_check CHECK ((from_date <= to_date))
);


--
-- Name: day_off_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.day_off_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: day_off_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.day_off_id_seq OWNED BY public.day_off.id;


--
-- Name: dong; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dong (
    code text NOT NULL,
    name text NOT NULL,
    gu text NOT NULL,
    renamed_year bigint,
    "position" bigint NOT NULL
);


--
-- Name: dong_former_name; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dong_former_name (
    name text NOT NULL,
    dong_code text NOT NULL
);


--
-- Name: escort_request; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.escort_request (
    id bigint NOT NULL,
    household_id bigint NOT NULL,
    dong_code text NOT NULL,
    hospital text NOT NULL,
    department text DEFAULT ''::text NOT NULL,
    appointment_at bigint NOT NULL,
    pickup_at bigint NOT NULL,
    pickup_place text DEFAULT ''::text NOT NULL,
    return_trip bigint DEFAULT 1 NOT NULL,
    transport text NOT NULL,
    purpose text NOT NULL,
    expected_minutes bigint NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    status text NOT NULL,
    volunteer_id bigint,
    series_id text,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    assigned_at bigint,
    actual_minutes bigint,
    outcome text,
    doctor_notes text,
    follow_up bigint,
    cancel_reason text,
    version bigint DEFAULT 1 NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT escort_request_check CHECK (((status = ANY (ARRAY['pending'::text, 'cancelled'::text])) = (volunteer_id IS NULL))),
    CONSTRAINT escort_request_expected_minutes_check CHECK ((expected_minutes > 0)),
    CONSTRAINT escort_request_follow_up_check CHECK ((follow_up = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT escort_request_return_trip_check CHECK ((return_trip = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT escort_request_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'assigned'::text, 'confirmed'::text, 'in_progress'::text, 'completed'::text, 'cancelled'::text, 'no_show'::text])))
);


--
-- Name: escort_request_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.escort_request_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: escort_request_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.escort_request_id_seq OWNED BY public.escort_request.id;


--
-- Name: household; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.household (
    id bigint NOT NULL,
    dong_code text NOT NULL,
    name text NOT NULL,
    birth_year bigint NOT NULL,
    gender text NOT NULL,
    phone text DEFAULT ''::text NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    mobility text NOT NULL,
    needs text DEFAULT ''::text NOT NULL,
    preferred_volunteer_gender text,
    case_manager text DEFAULT ''::text NOT NULL,
    consent_date text,
    notes text DEFAULT ''::text NOT NULL,
    closed bigint DEFAULT 0 NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT household_closed_check CHECK ((closed = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT household_gender_check CHECK ((gender = ANY (ARRAY['F'::text, 'M'::text]))),
    CONSTRAINT household_mobility_check CHECK ((mobility = ANY (ARRAY['none'::text, 'cane'::text, 'walker'::text, 'wheelchair'::text]))),
    CONSTRAINT household_preferred_volunteer_gender_check CHECK ((preferred_volunteer_gender = ANY (ARRAY['F'::text, 'M'::text])))
);


--
-- Name: household_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.household_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: household_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.household_id_seq OWNED BY public.household.id;


--
-- Name: meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meta (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    name text NOT NULL,
    display_name text DEFAULT ''::text NOT NULL,
    role text NOT NULL,
    dongs text DEFAULT ''::text NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT users_check CHECK (((role <> 'coordinator'::text) OR (dongs <> ''::text))),
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'viewer'::text])))
);


--
-- Name: volunteer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.volunteer (
    id bigint NOT NULL,
    dong_code text NOT NULL,
    name text NOT NULL,
    gender text NOT NULL,
    phone text DEFAULT ''::text NOT NULL,
    skills text DEFAULT ''::text NOT NULL,
    has_car bigint DEFAULT 0 NOT NULL,
    weekly_cap_minutes bigint NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    closed bigint DEFAULT 0 NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    updated_at bigint NOT NULL,
    updated_by text NOT NULL,
    CONSTRAINT volunteer_closed_check CHECK ((closed = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT volunteer_gender_check CHECK ((gender = ANY (ARRAY['F'::text, 'M'::text]))),
    CONSTRAINT volunteer_has_car_check CHECK ((has_car = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT volunteer_weekly_cap_minutes_check CHECK ((weekly_cap_minutes > 0))
);


--
-- Name: volunteer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.volunteer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: volunteer_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.volunteer_id_seq OWNED BY public.volunteer.id;


--
-- Name: volunteer_load; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.volunteer_load (
    volunteer_id bigint NOT NULL,
    period text NOT NULL,
    minutes bigint NOT NULL
);


--
-- Name: assignment id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment ALTER COLUMN id SET DEFAULT nextval('public.assignment_id_seq'::regclass);


--
-- Name: audit id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit ALTER COLUMN id SET DEFAULT nextval('public.audit_id_seq'::regclass);


--
-- Name: day_off id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.day_off ALTER COLUMN id SET DEFAULT nextval('public.day_off_id_seq'::regclass);


--
-- Name: escort_request id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.escort_request ALTER COLUMN id SET DEFAULT nextval('public.escort_request_id_seq'::regclass);


--
-- Name: household id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.household ALTER COLUMN id SET DEFAULT nextval('public.household_id_seq'::regclass);


--
-- Name: volunteer id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volunteer ALTER COLUMN id SET DEFAULT nextval('public.volunteer_id_seq'::regclass);


--
-- Data for Name: assignment; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.assignment (id, request_id, volunteer_id, household_id, starts_at, ends_at, state, minutes, week_key, month_key, assigned_at, assigned_by, ended_at, ended_by, reason) FROM stdin;
1	29	1	3	1781142000	1781152800	completed	150	W2026-06-08	M2026-06	1779428040	seed	1781146200	seed	\N
2	45	10	24	1781316000	1781326800	completed	214	W2026-06-08	M2026-06	1780317060	seed	1781319000	seed	\N
3	54	1	7	1781395800	1781404800	completed	134	W2026-06-08	M2026-06	1780289460	seed	1781400000	seed	\N
4	55	7	25	1781395800	1781410200	completed	259	W2026-06-08	M2026-06	1779763080	seed	1781399400	seed	\N
5	132	7	25	1782176400	1782190800	completed	214	W2026-06-22	M2026-06	1781310360	seed	1782178800	seed	\N
6	159	10	29	1782436800	1782445800	completed	159	W2026-06-22	M2026-06	1780796460	seed	1782440400	seed	\N
7	194	2	25	1782705000	1782712200	completed	110	W2026-06-29	M2026-06	1781424420	seed	1782708000	seed	\N
8	224	8	27	1783051200	1783060200	completed	125	W2026-06-29	M2026-07	1782393780	seed	1783055400	seed	\N
9	430	5	13	1785286200	1785300600	no_show	240	W2026-07-27	M2026-07	1783816560	seed	1785290400	seed	\N
10	437	17	8	1785304200	1785311400	no_show	120	W2026-07-27	M2026-07	1785026220	seed	1785306600	seed	\N
11	599	25	22	1786856400	1786865400	no_show	150	W2026-08-10	M2026-08	1786602300	seed	1786858800	seed	\N
12	858	5	13	1789104600	1789115400	no_show	180	W2026-09-07	M2026-09	1788329640	seed	1789107600	seed	\N
13	1428	24	9	1792904400	1792911600	no_show	120	W2026-10-19	M2026-10	1791345240	seed	1792907400	seed	\N
14	2049	23	15	1796184600	1796193600	no_show	150	W2026-11-30	M2026-12	1795658580	seed	1796188800	seed	\N
15	2131	5	16	1796615400	1796624400	active	150	W2026-12-07	M2026-12	1795667580	seed	\N	\N	\N
18	2359	5	16	1797739800	1797748800	active	150	W2026-12-14	M2026-12	1796351760	seed	\N	\N	\N
19	2162	3	12	1796792400	1796799600	active	120	W2026-12-07	M2026-12	1796517532	postgres	\N	\N	\N
16	2154	11	25	1796771400	1796791200	completed	140	W2026-12-07	M2026-12	1795865940	seed	1796517532	postgres	\N
17	2242	2	11	1797205200	1797216000	released	180	W2026-12-14	M2026-12	1796084340	seed	1796517533	postgres	봉사자 사정
\.


--
-- Data for Name: audit; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit (id, at, "user", action, entity, entity_id, dong_code, before, after) FROM stdin;
1	1796517531	postgres	load	store	postgres://postgres@localhost:54329/honsim?host=/tmp/mig-pg	\N	\N	{"dongs":31,"households":30,"volunteers":25,"requests":26}
2	1796517532	postgres	assign	request	2162	41171-01	{"appointmentAt":"2026-12-09T06:00:00Z","createdAt":"2026-11-19T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":120,"hospital":"안양샘병원","householdID":12,"id":2162,"notes":"","pickupAt":"2026-12-09T05:00:00Z","pickupPlace":"삼성아파트 정문","purpose":"clinic","returnTrip":true,"status":"pending","transport":"taxi","updatedAt":"2026-11-19T00:00:00Z","updatedBy":"seed","version":1}	{"appointmentAt":"2026-12-09T06:00:00Z","assignedAt":"2026-12-06T00:38:52Z","createdAt":"2026-11-19T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":120,"hospital":"안양샘병원","householdID":12,"id":2162,"notes":"","pickupAt":"2026-12-09T05:00:00Z","pickupPlace":"삼성아파트 정문","purpose":"clinic","returnTrip":true,"status":"assigned","transport":"taxi","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":2,"volunteerID":3}
3	1796517532	postgres	confirm	request	2131	41171-02	{"appointmentAt":"2026-12-07T04:50:00Z","assignedAt":"2026-11-26T04:33:00Z","createdAt":"2026-11-26T00:00:00Z","department":"내과","dongCode":"41171-02","expectedMinutes":150,"hospital":"만안구보건소","householdID":16,"id":2131,"notes":"진료의뢰서 지참","pickupAt":"2026-12-07T03:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"assigned","transport":"public_transport","updatedAt":"2026-11-26T04:33:00Z","updatedBy":"seed","version":1,"volunteerID":5}	{"appointmentAt":"2026-12-07T04:50:00Z","assignedAt":"2026-11-26T04:33:00Z","createdAt":"2026-11-26T00:00:00Z","department":"내과","dongCode":"41171-02","expectedMinutes":150,"hospital":"만안구보건소","householdID":16,"id":2131,"notes":"진료의뢰서 지참","pickupAt":"2026-12-07T03:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"confirmed","transport":"public_transport","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":2,"volunteerID":5}
4	1796517532	postgres	start	request	2154	41171-03	{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"confirmed","transport":"public_transport","updatedAt":"2026-11-28T11:39:00Z","updatedBy":"seed","version":1,"volunteerID":11}	{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"in_progress","transport":"public_transport","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":2,"volunteerID":11}
5	1796517532	postgres	complete	request	2154	41171-03	{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"in_progress","transport":"public_transport","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":2,"volunteerID":11}	{"appointmentAt":"2026-12-09T00:00:00Z","assignedAt":"2026-11-28T11:39:00Z","completion":{"actualMinutes":140,"doctorNotes":"2주 뒤 재진","followUp":true,"outcome":"귀가 완료"},"createdAt":"2026-11-28T00:00:00Z","department":"혈액종양내과","dongCode":"41171-03","expectedMinutes":330,"hospital":"한림대학교성심병원","householdID":25,"id":2154,"notes":"","pickupAt":"2026-12-08T23:10:00Z","pickupPlace":"자택","purpose":"chemo","returnTrip":true,"status":"completed","transport":"public_transport","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":3,"volunteerID":11}
6	1796517532	postgres	cancel	request	2200	41171-01	{"appointmentAt":"2026-12-11T02:40:00Z","createdAt":"2026-11-20T00:00:00Z","department":"내과","dongCode":"41171-01","expectedMinutes":120,"hospital":"만안구보건소","householdID":9,"id":2200,"notes":"","pickupAt":"2026-12-11T01:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":true,"status":"pending","transport":"walk","updatedAt":"2026-11-20T00:00:00Z","updatedBy":"seed","version":1}	{"appointmentAt":"2026-12-11T02:40:00Z","cancelReason":"보호자 동행","createdAt":"2026-11-20T00:00:00Z","department":"내과","dongCode":"41171-01","expectedMinutes":120,"hospital":"만안구보건소","householdID":9,"id":2200,"notes":"","pickupAt":"2026-12-11T01:50:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":true,"status":"cancelled","transport":"walk","updatedAt":"2026-12-06T00:38:52Z","updatedBy":"postgres","version":2}
7	1796517533	postgres	release	request	2242	41171-01	{"appointmentAt":"2026-12-14T00:30:00Z","assignedAt":"2026-12-01T00:19:00Z","createdAt":"2026-12-01T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":180,"hospital":"서울척병원","householdID":11,"id":2242,"notes":"","pickupAt":"2026-12-13T23:40:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"assigned","transport":"center_vehicle","updatedAt":"2026-12-01T00:19:00Z","updatedBy":"seed","version":1,"volunteerID":2}	{"appointmentAt":"2026-12-14T00:30:00Z","createdAt":"2026-12-01T00:00:00Z","department":"정형외과","dongCode":"41171-01","expectedMinutes":180,"hospital":"서울척병원","householdID":11,"id":2242,"notes":"","pickupAt":"2026-12-13T23:40:00Z","pickupPlace":"자택","purpose":"clinic","returnTrip":false,"status":"pending","transport":"center_vehicle","updatedAt":"2026-12-06T00:38:53Z","updatedBy":"postgres","version":2}
8	1796517533	postgres	edit	volunteer	4	41171-01	{"availability":{"windows":[{"end":{"minutes":1080},"start":{"minutes":780},"weekday":1},{"end":{"minutes":1080},"start":{"minutes":540},"weekday":2},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":3},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":4}]},"closed":false,"daysOff":[],"dongCode":"41171-01","gender":"F","hasCar":false,"id":4,"name":"한지우","notes":"","phone":"010-2932-8775","skills":[],"version":1,"weeklyCapMinutes":900}	{"availability":{"windows":[{"end":{"minutes":1080},"start":{"minutes":780},"weekday":1},{"end":{"minutes":1080},"start":{"minutes":540},"weekday":2},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":3},{"end":{"minutes":1140},"start":{"minutes":780},"weekday":4}]},"closed":false,"daysOff":[{"from":{"day":11,"month":1,"year":2027},"reason":"여행","to":{"day":12,"month":1,"year":2027}}],"dongCode":"41171-01","gender":"F","hasCar":false,"id":4,"name":"한지우","notes":"","phone":"010-2932-8775","skills":[],"version":2,"weeklyCapMinutes":900}
9	1796517533	postgres	user add	user	park	\N	\N	{"createdAt":"2026-12-06T00:38:53Z","createdBy":"postgres","displayName":"","dongCodes":["41171-01"],"name":"park","role":"coordinator","updatedAt":"2026-12-06T00:38:53Z","updatedBy":"postgres"}
10	1796517533	postgres	user add	user	choi	\N	\N	{"createdAt":"2026-12-06T00:38:53Z","createdBy":"postgres","displayName":"","dongCodes":[],"name":"choi","role":"viewer","updatedAt":"2026-12-06T00:38:53Z","updatedBy":"postgres"}
\.


--
-- Data for Name: availability_window; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.availability_window (volunteer_id, weekday, start_minute, end_minute) FROM stdin;
1	3	480	780
1	5	420	780
1	6	480	780
2	1	480	960
2	3	420	960
2	5	420	1020
2	6	540	900
3	2	420	1020
3	3	420	1020
3	4	480	1020
3	5	420	720
3	6	420	780
5	2	480	1080
5	4	540	1140
6	2	480	1020
6	5	420	1020
7	2	420	960
7	4	540	1140
7	6	420	780
8	1	540	1020
8	4	480	840
9	4	450	1050
9	5	420	720
9	6	420	780
10	1	540	1140
10	2	480	1020
10	3	480	840
10	4	540	1020
10	5	450	750
11	1	480	1020
11	4	780	1140
12	1	420	1020
12	3	480	1020
12	5	450	930
13	1	450	990
13	3	780	1140
13	4	420	960
13	5	420	960
14	2	420	780
14	3	420	780
14	4	420	1020
14	5	420	720
15	2	420	900
15	4	540	900
15	5	420	960
15	6	420	780
16	2	480	780
16	3	540	840
17	4	540	1080
17	5	420	900
18	2	780	1140
18	3	450	750
18	5	540	900
18	7	540	840
19	2	540	900
19	4	420	720
19	5	780	1140
20	1	450	810
20	2	450	810
20	5	420	960
21	2	420	720
21	3	540	1140
22	2	540	1140
22	7	480	780
23	1	420	780
23	2	420	960
23	6	480	780
24	2	540	1020
24	3	420	960
24	5	540	1020
25	1	480	780
25	2	450	750
25	5	540	840
4	1	780	1080
4	2	540	1080
4	3	780	1140
4	4	780	1140
\.


--
-- Data for Name: day_off; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.day_off (id, volunteer_id, from_date, to_date, reason) FROM stdin;
1	1	2026-12-24	2026-12-24	병원 진료
2	2	2026-11-16	2026-11-19	여행
3	7	2026-11-25	2026-11-28	여행
4	9	2026-12-07	2026-12-08	개인 사정
5	21	2026-11-09	2026-11-09	이사
6	25	2026-11-25	2026-11-27	개인 사정
7	4	2027-01-11	2027-01-12	여행
\.


--
-- Data for Name: dong; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.dong (code, name, gu, renamed_year, "position") FROM stdin;
41171-01	안양1동	만안구	\N	0
41171-02	안양2동	만안구	\N	1
41171-03	안양3동	만안구	\N	2
41171-04	안양4동	만안구	\N	3
41171-05	안양5동	만안구	\N	4
41171-06	안양6동	만안구	\N	5
41171-07	안양7동	만안구	\N	6
41171-08	안양8동	만안구	\N	7
41171-09	안양9동	만안구	\N	8
41171-10	석수1동	만안구	\N	9
41171-11	석수2동	만안구	\N	10
41171-12	충훈동	만안구	2024	11
41171-13	박달동	만안구	2025	12
41171-14	호현동	만안구	2025	13
41173-01	비산1동	동안구	\N	14
41173-02	비산2동	동안구	\N	15
41173-03	비산3동	동안구	\N	16
41173-04	부흥동	동안구	\N	17
41173-05	달안동	동안구	\N	18
41173-06	관양동	동안구	2024	19
41173-07	인덕원동	동안구	2024	20
41173-08	부림동	동안구	\N	21
41173-09	평촌동	동안구	\N	22
41173-10	평안동	동안구	\N	23
41173-11	귀인동	동안구	\N	24
41173-12	호계1동	동안구	\N	25
41173-13	호계2동	동안구	\N	26
41173-14	호계3동	동안구	\N	27
41173-15	범계동	동안구	\N	28
41173-16	신촌동	동안구	\N	29
41173-17	갈산동	동안구	\N	30
\.


--
-- Data for Name: dong_former_name; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.dong_former_name (name, dong_code) FROM stdin;
석수3동	41171-12
박달1동	41171-13
박달2동	41171-14
관양1동	41173-06
관양2동	41173-07
\.


--
-- Data for Name: escort_request; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.escort_request (id, household_id, dong_code, hospital, department, appointment_at, pickup_at, pickup_place, return_trip, transport, purpose, expected_minutes, notes, status, volunteer_id, series_id, created_at, created_by, assigned_at, actual_minutes, outcome, doctor_notes, follow_up, cancel_reason, version, updated_at, updated_by) FROM stdin;
14	14	41171-02	메트로병원	재활의학과	1780895400	1780891800	자택	1	public_transport	rehab	150	휠체어 대여 필요	cancelled	\N	\N	1780185600	seed	\N	\N	\N	\N	\N	가족 동행	1	1780895400	seed
26	25	41171-03	한림대학교성심병원	혈액종양내과	1781049600	1781045400	자택	1	public_transport	chemo	300		cancelled	\N	\N	1780099200	seed	\N	\N	\N	\N	\N	가족 동행	1	1781049600	seed
29	3	41171-01	범계늘푸른치과의원	치과	1781146200	1781142000	주민센터 앞	1	taxi	clinic	180		completed	1	\N	1779408000	seed	1779428040	150	약 처방 받음		0	\N	1	1781146200	seed
45	24	41171-03	안양윌스기념병원	영상의학과	1781319000	1781316000	자택	1	public_transport	tests	180		completed	10	\N	1780272000	seed	1780317060	214	CT 촬영 완료, 결과 다음 진료 시		1	\N	1	1781319000	seed
54	7	41171-01	한림대학교성심병원	영상의학과	1781400000	1781395800	자택	1	center_vehicle	tests	150		completed	1	\N	1780272000	seed	1780289460	134	채혈 및 X-ray 완료		1	\N	1	1781400000	seed
55	25	41171-03	한림대학교성심병원	내과	1781399400	1781395800	자택	1	taxi	tests	240		completed	7	\N	1779753600	seed	1779763080	259	채혈 및 X-ray 완료		0	\N	1	1781399400	seed
130	3	41171-01	메트로병원	내과	1782177600	1782175200	주민센터 앞	1	public_transport	clinic	120	보호자 병원에서 합류	cancelled	\N	\N	1781654400	seed	\N	\N	\N	\N	\N	대상자 요청	1	1782177600	seed
132	25	41171-03	메트로병원	내과	1782178800	1782176400	경남아파트 정문	1	public_transport	tests	240		completed	7	\N	1781308800	seed	1781310360	214	채혈 및 X-ray 완료	혈압약 용량 증가, 2주 후 재방문	0	\N	1	1782178800	seed
159	29	41171-03	한림대학교성심병원	내과	1782440400	1782436800	자택	1	center_vehicle	clinic	150		completed	10	\N	1780790400	seed	1780796460	159	약 처방 받음		0	\N	1	1782440400	seed
194	25	41171-03	만안구보건소	내과	1782708000	1782705000	자택	1	public_transport	other	120		completed	2	\N	1781395200	seed	1781424420	110	보건소 상담 완료	혈압 안정적, 3개월 후 재방문	1	\N	1	1782708000	seed
216	30	41171-03	평촌서울나은병원	재활의학과	1782960600	1782958200	자택	1	public_transport	rehab	150		cancelled	\N	\N	1782259200	seed	\N	\N	\N	\N	\N	가족 동행	1	1782960600	seed
224	27	41171-03	안양샘병원	영상의학과	1783055400	1783051200	자택	1	center_vehicle	tests	150		completed	8	\N	1782172800	seed	1782393780	125	채혈 및 X-ray 완료		1	\N	1	1783055400	seed
254	25	41171-03	한림대학교성심병원	혈액종양내과	1783468800	1783465200	경남아파트 정문	1	public_transport	chemo	330		cancelled	\N	\N	1783036800	seed	\N	\N	\N	\N	\N	가족 동행	1	1783468800	seed
308	14	41171-02	메트로병원	내과	1784004600	1784000400	자택	1	public_transport	clinic	150		cancelled	\N	\N	1782172800	seed	\N	\N	\N	\N	\N	가족 동행	1	1784004600	seed
430	13	41171-02	안양윌스기념병원	정형외과	1785290400	1785286200	자택	1	taxi	tests	240	방문 시 부재, 연락 두절	no_show	5	\N	1783814400	seed	1783816560	\N	\N	\N	\N	\N	1	1785290400	seed
437	8	41171-01	안양샘병원	정형외과	1785306600	1785304200	자택	1	public_transport	clinic	120		no_show	17	\N	1785024000	seed	1785026220	\N	\N	\N	\N	\N	1	1785306600	seed
599	22	41171-02	안양샘병원	정형외과	1786858800	1786856400	자택	1	taxi	clinic	150	방문 시 부재, 연락 두절	no_show	25	\N	1786579200	seed	1786602300	\N	\N	\N	\N	\N	1	1786858800	seed
858	13	41171-02	메트로병원	내과	1789107600	1789104600	자택	1	center_vehicle	clinic	180		no_show	5	\N	1788307200	seed	1788329640	\N	\N	\N	\N	\N	1	1789107600	seed
1428	9	41171-01	안양샘병원	신경과	1792907400	1792904400	한가람아파트 정문	1	public_transport	clinic	120	방문 시 부재, 연락 두절	no_show	24	\N	1791331200	seed	1791345240	\N	\N	\N	\N	\N	1	1792907400	seed
2049	15	41171-02	메트로병원	재활의학과	1796188800	1796184600	자택	1	public_transport	rehab	150		no_show	23	\N	1795651200	seed	1795658580	\N	\N	\N	\N	\N	1	1796188800	seed
2359	16	41171-02	만안구보건소	내과	1797742200	1797739800	자택	1	volunteer_car	clinic	150		assigned	5	\N	1796342400	seed	1796351760	\N	\N	\N	\N	\N	1	1796351760	seed
2162	12	41171-01	안양샘병원	정형외과	1796796000	1796792400	삼성아파트 정문	1	taxi	clinic	120		assigned	3	\N	1795046400	seed	1796517532	\N	\N	\N	\N	\N	2	1796517532	postgres
2131	16	41171-02	만안구보건소	내과	1796619000	1796615400	자택	0	public_transport	clinic	150	진료의뢰서 지참	confirmed	5	\N	1795651200	seed	1795667580	\N	\N	\N	\N	\N	2	1796517532	postgres
2154	25	41171-03	한림대학교성심병원	혈액종양내과	1796774400	1796771400	자택	1	public_transport	chemo	330		completed	11	\N	1795824000	seed	1795865940	140	귀가 완료	2주 뒤 재진	1	\N	3	1796517532	postgres
2200	9	41171-01	만안구보건소	내과	1796956800	1796953800	자택	1	walk	clinic	120		cancelled	\N	\N	1795132800	seed	\N	\N	\N	\N	\N	보호자 동행	2	1796517532	postgres
2242	11	41171-01	서울척병원	정형외과	1797208200	1797205200	자택	0	center_vehicle	clinic	180		pending	\N	\N	1796083200	seed	\N	\N	\N	\N	\N	\N	2	1796517533	postgres
\.


--
-- Data for Name: household; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.household (id, dong_code, name, birth_year, gender, phone, address, mobility, needs, preferred_volunteer_gender, case_manager, consent_date, notes, closed, version, updated_at, updated_by) FROM stdin;
1	41171-01	곽귀순	1945	F	010-5379-0286	안양시 만안구 병목안로 52, 118동 1506호	walker		\N	조선영	2026-05-01		0	1	1796517531	postgres
2	41171-01	곽춘희	1950	F	010-3144-2985	안양시 만안구 삼덕로 346, 118동 1504호	cane	vision	\N	이은정	2026-02-15	아들 해외 거주	0	1	1796517531	postgres
3	41171-01	손숙희	1957	F	010-4511-5834	안양시 만안구 장내로 381, 110동 1004호	cane	hearing	\N	조선영	2026-01-22		0	1	1796517531	postgres
4	41171-01	임순희	1951	F	010-3109-5984	안양시 만안구 안양천서로 238, 117동 103호	wheelchair		\N	이은정	2025-11-11		0	1	1796517531	postgres
5	41171-01	정순자	1937	F	031-449-0294	안양시 만안구 연현로 267, 1동 301호	none		\N	조선영	2026-03-18		0	1	1796517531	postgres
6	41171-01	박병철	1954	M	010-9706-5076	안양시 만안구 양화로 344, 107동 405호	cane		\N	조선영	2026-11-08		0	1	1796517531	postgres
7	41171-01	임광호	1979	M	010-2989-0508	안양시 만안구 양화로 165, 4동 202호	wheelchair		\N	이은정	2026-05-21		0	1	1796517531	postgres
8	41171-01	한영자	1938	F	010-6586-0012	안양시 만안구 냉천로 329, 105동 1304호	none	cognitive	\N	이은정	2026-04-02		0	1	1796517531	postgres
9	41171-01	성정훈	1980	M	010-6088-3632	안양시 만안구 명학로 373, 104동 302호	none		\N	이은정	2026-08-28		0	1	1796517531	postgres
10	41171-01	최덕순	1949	F	010-3147-8193	안양시 만안구 박달로 8, 3동 302호	none		\N	이은정	2026-08-21	초인종 고장, 전화 후 방문	0	1	1796517531	postgres
11	41171-01	원춘자	1956	F	010-9991-1472	안양시 만안구 석수로 268, 106동 802호	wheelchair		\N	이은정	2026-07-19		0	1	1796517531	postgres
12	41171-01	김미자	1945	F	031-459-0302	안양시 만안구 삼덕로 41, 109동 103호	cane	vision	\N	이은정	2026-07-13		0	1	1796517531	postgres
13	41171-02	서덕순	1952	F	010-4687-4782	안양시 만안구 충훈로 280, 117동 1401호	wheelchair	vision	\N	장혜숙	2026-06-02	기초생활수급	0	1	1796517531	postgres
14	41171-02	이정자	1944	F	031-464-0613	안양시 만안구 예술공원로 108, 109동 1304호	cane		\N	전미숙	2025-11-09		0	1	1796517531	postgres
15	41171-02	정동욱	1981	M	010-5303-0027	안양시 만안구 박달로 107, 102동 1606호	none		\N	장혜숙	2026-07-26		0	1	1796517531	postgres
16	41171-02	박진우	1970	M	010-2620-9568	안양시 만안구 명학로 225, 110동 1601호	none		M	전미숙	2026-10-14		0	1	1796517531	postgres
17	41171-02	정정숙	1962	F	010-9485-3551	안양시 만안구 병목안로 376, 105동 1601호	cane	vision	F	전미숙	2025-12-01	초인종 고장, 전화 후 방문	0	1	1796517531	postgres
18	41171-02	김종철	1951	M	010-3612-3871	안양시 만안구 안양로 61, 106동 901호	walker		M	장혜숙	2026-06-20		0	1	1796517531	postgres
19	41171-02	정진호	1952	M	010-4885-7472	안양시 만안구 양화로 240, 106동 1604호	none		\N	전미숙	2026-09-27	공동현관 비밀번호 주민센터 보관	0	1	1796517531	postgres
20	41171-02	이점순	1957	F	010-6967-4598	안양시 만안구 삼덕로 168, 103동 2101호	none		\N	전미숙	2026-10-17		0	1	1796517531	postgres
21	41171-02	송정순	1955	F	010-5730-5738	안양시 만안구 충훈로 353, 116동 1102호	cane		F	전미숙	2025-10-22		0	1	1796517531	postgres
22	41171-02	백점순	1945	F	010-3328-8161	안양시 만안구 냉천로 216, 111동 1201호	cane		\N	전미숙	2026-08-08		0	1	1796517531	postgres
23	41171-03	엄순남	1953	F	010-7079-2380	안양시 만안구 연현로 317, 108동 103호	wheelchair		F	최승호	2025-12-17		0	1	1796517531	postgres
24	41171-03	최영수	1944	M	010-7631-1885	안양시 만안구 예술공원로 407, 109동 1605호	cane	cognitive	M	최승호	2026-03-01	인공관절 수술 이력	0	1	1796517531	postgres
25	41171-03	박대현	1975	M	010-7350-6210	안양시 만안구 장내로 121, 5동 203호	none	hearing	F	최승호	2025-10-20		0	1	1796517531	postgres
26	41171-03	윤성수	1941	M	010-9221-7146	안양시 만안구 장내로 378, 101동 503호	cane		\N	최승호	2026-05-26		0	1	1796517531	postgres
27	41171-03	이분남	1953	F	010-2137-2671	안양시 만안구 만안로 224, 109동 1803호	walker		\N	최승호	2025-10-16	기초생활수급	0	1	1796517531	postgres
28	41171-03	최인숙	1947	F	010-3208-7730	안양시 만안구 만안로 204, 102동 604호	none		\N	최승호	2026-10-15		0	1	1796517531	postgres
29	41171-03	박순희	1947	F	010-8317-9683	안양시 만안구 연현로 175, 2동 401호	wheelchair	cognitive	\N	최승호	2026-02-17	청각 저하, 큰 목소리로	0	1	1796517531	postgres
30	41171-03	천판석	1945	M	010-3168-7576	안양시 만안구 안양천서로 147, 107동 102호	walker		\N	김영민	2025-10-04		0	1	1796517531	postgres
\.


--
-- Data for Name: meta; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.meta (key, value) FROM stdin;
travel_buffer_minutes	30
time_zone	Asia/Seoul
dongs_revision	38
volunteers_revision	11
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_migrations (name, applied_at) FROM stdin;
v1: cases	2026-12-06 00:38:50.19958+00
v2: change notices	2026-12-06 00:38:50.636023+00
v3: users and row-level security	2026-12-06 00:38:50.653934+00
v4: indexes for the dashboard's reads	2026-12-06 00:38:50.791419+00
v5: row-level security asked once per statement	2026-12-06 00:38:50.820065+00
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (name, display_name, role, dongs, created_at, created_by, updated_at, updated_by) FROM stdin;
postgres		admin		1796517531	postgres	1796517531	postgres
park		coordinator	41171-01	1796517533	postgres	1796517533	postgres
choi		viewer		1796517533	postgres	1796517533	postgres
\.


--
-- Data for Name: volunteer; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.volunteer (id, dong_code, name, gender, phone, skills, has_car, weekly_cap_minutes, notes, closed, version, updated_at, updated_by) FROM stdin;
1	41171-01	정지민	F	010-9571-2712	sign_language;wheelchair	0	720		0	1	1796517531	postgres
2	41171-01	임선희	F	010-6948-2859	wheelchair	1	900	차량 7인승	0	1	1796517531	postgres
3	41171-01	홍병수	M	010-7868-8668		0	960	수어 통역 자격	0	1	1796517531	postgres
5	41171-02	남성민	M	010-6596-6555	care_worker;wheelchair	1	900		0	1	1796517531	postgres
6	41171-02	권윤정	F	010-7659-5889	care_worker	0	240		0	1	1796517531	postgres
7	41171-03	지혜숙	F	010-8482-5630	sign_language	0	480		0	1	1796517531	postgres
8	41171-03	최태윤	M	010-7508-4598	wheelchair	0	240		0	1	1796517531	postgres
9	41171-03	우은정	F	010-4814-1997		1	900		0	1	1796517531	postgres
10	41171-03	이민수	M	010-7140-5017	wheelchair	1	360		0	1	1796517531	postgres
11	41171-03	이지현	F	010-2239-8050	wheelchair	0	900		0	1	1796517531	postgres
12	41171-04	진윤정	F	010-5593-7355	wheelchair	0	780		0	1	1796517531	postgres
13	41171-04	이수정	F	010-3675-8305	wheelchair	0	720		0	1	1796517531	postgres
14	41171-04	박영순	F	010-5425-2433	wheelchair	1	540		0	1	1796517531	postgres
15	41171-05	손지영	F	010-8750-6756		0	780		0	1	1796517531	postgres
16	41171-05	이성수	M	010-3677-7957	wheelchair	0	660		0	1	1796517531	postgres
17	41171-05	김덕순	F	010-4529-3497	care_worker;wheelchair	0	780		0	1	1796517531	postgres
18	41171-05	원수정	F	010-9945-7751	care_worker;wheelchair	0	420		0	1	1796517531	postgres
19	41171-05	강지현	F	010-2770-8404		0	300		0	1	1796517531	postgres
20	41171-05	김영자	F	010-5874-6395		0	960		0	1	1796517531	postgres
21	41171-06	엄민지	F	010-7936-2990	sign_language	1	600		0	1	1796517531	postgres
22	41171-06	황미영	F	010-8389-7072	care_worker;wheelchair	0	720	수어 통역 자격	0	1	1796517531	postgres
23	41171-06	김민지	F	010-6176-7118		0	480		0	1	1796517531	postgres
24	41171-06	김혜숙	F	010-9722-6685		1	780		0	1	1796517531	postgres
25	41171-07	문정은	F	010-9466-5632		0	900		0	1	1796517531	postgres
4	41171-01	한지우	F	010-2932-8775		0	900		0	2	1796517533	postgres
\.


--
-- Data for Name: volunteer_load; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.volunteer_load (volunteer_id, period, minutes) FROM stdin;
10	W2026-06-08	214
1	W2026-06-08	284
1	M2026-06	284
7	W2026-06-08	259
7	W2026-06-22	214
7	M2026-06	473
10	W2026-06-22	159
10	M2026-06	373
2	W2026-06-29	110
2	M2026-06	110
8	W2026-06-29	125
8	M2026-07	125
5	W2026-12-07	150
5	W2026-12-14	150
5	M2026-12	300
3	W2026-12-07	120
3	M2026-12	120
11	W2026-12-07	140
11	M2026-12	140
2	M2026-12	0
2	W2026-12-14	0
\.


--
-- Name: assignment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.assignment_id_seq', 19, true);


--
-- Name: audit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_id_seq', 10, true);


--
-- Name: day_off_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.day_off_id_seq', 7, true);


--
-- Name: escort_request_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.escort_request_id_seq', 2359, true);


--
-- Name: household_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.household_id_seq', 30, true);


--
-- Name: volunteer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.volunteer_id_seq', 25, true);


--
-- Name: assignment assignment_no_overlap; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment
    ADD CONSTRAINT assignment_no_overlap EXCLUDE USING gist (volunteer_id WITH =, tstzrange(to_timestamp((starts_at)::double precision), to_timestamp(((ends_at + 1800))::double precision), '[)'::text) WITH &&) WHERE ((state = 'active'::text));


--
-- Name: assignment assignment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment
    ADD CONSTRAINT assignment_pkey PRIMARY KEY (id);


--
-- Name: audit audit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);


--
-- Name: day_off day_off_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.day_off
    ADD CONSTRAINT day_off_pkey PRIMARY KEY (id);


--
-- Name: dong_former_name dong_former_name_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dong_former_name
    ADD CONSTRAINT dong_former_name_pkey PRIMARY KEY (name);


--
-- Name: dong dong_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dong
    ADD CONSTRAINT dong_name_key UNIQUE (name);


--
-- Name: dong dong_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dong
    ADD CONSTRAINT dong_pkey PRIMARY KEY (code);


--
-- Name: escort_request escort_request_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.escort_request
    ADD CONSTRAINT escort_request_pkey PRIMARY KEY (id);


--
-- Name: household household_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.household
    ADD CONSTRAINT household_pkey PRIMARY KEY (id);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (name);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (name);


--
-- Name: volunteer_load volunteer_load_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volunteer_load
    ADD CONSTRAINT volunteer_load_pkey PRIMARY KEY (volunteer_id, period);


--
-- Name: volunteer volunteer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volunteer
    ADD CONSTRAINT volunteer_pkey PRIMARY KEY (id);


--
-- Name: assignment_active_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignment_active_by_time ON public.assignment USING btree (starts_at, volunteer_id, ends_at) WHERE (state = 'active'::text);


--
-- Name: assignment_by_household; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignment_by_household ON public.assignment USING btree (household_id, volunteer_id) WHERE (state = 'completed'::text);


--
-- Name: assignment_by_request; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignment_by_request ON public.assignment USING btree (request_id);


--
-- Name: assignment_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignment_by_time ON public.assignment USING btree (starts_at);


--
-- Name: assignment_by_volunteer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assignment_by_volunteer ON public.assignment USING btree (volunteer_id, starts_at);


--
-- Name: audit_by_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_by_entity ON public.audit USING btree (entity, entity_id);


--
-- Name: audit_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_by_time ON public.audit USING btree (at);


--
-- Name: audit_by_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_by_user ON public.audit USING btree ("user", at);


--
-- Name: availability_by_slot; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX availability_by_slot ON public.availability_window USING btree (weekday, start_minute, end_minute, volunteer_id);


--
-- Name: availability_by_volunteer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX availability_by_volunteer ON public.availability_window USING btree (volunteer_id);


--
-- Name: day_off_by_volunteer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX day_off_by_volunteer ON public.day_off USING btree (volunteer_id);


--
-- Name: household_by_dong; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX household_by_dong ON public.household USING btree (dong_code);


--
-- Name: one_active_assignment_per_request; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_active_assignment_per_request ON public.assignment USING btree (request_id) WHERE (state = 'active'::text);


--
-- Name: request_by_household; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_by_household ON public.escort_request USING btree (household_id, appointment_at);


--
-- Name: request_by_status_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_by_status_time ON public.escort_request USING btree (status, appointment_at);


--
-- Name: request_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_by_time ON public.escort_request USING btree (appointment_at) INCLUDE (dong_code, status, household_id, volunteer_id, assigned_at, created_at, actual_minutes);


--
-- Name: request_open_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX request_open_by_time ON public.escort_request USING btree (appointment_at, id) WHERE (status = ANY (ARRAY['pending'::text, 'assigned'::text, 'confirmed'::text, 'in_progress'::text]));


--
-- Name: volunteer_by_dong; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX volunteer_by_dong ON public.volunteer USING btree (dong_code);


--
-- Name: volunteer_load_by_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX volunteer_load_by_period ON public.volunteer_load USING btree (period, volunteer_id, minutes);


--
-- Name: assignment assignment_load; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER assignment_load AFTER INSERT OR DELETE OR UPDATE ON public.assignment FOR EACH ROW EXECUTE FUNCTION public.honsim_keep_load();


--
-- Name: availability_window availability_revision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER availability_revision AFTER INSERT OR DELETE OR UPDATE ON public.availability_window FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_bump_revision('volunteers_revision');


--
-- Name: day_off day_off_revision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER day_off_revision AFTER INSERT OR DELETE OR UPDATE ON public.day_off FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_bump_revision('volunteers_revision');


--
-- Name: dong_former_name dong_former_name_revision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dong_former_name_revision AFTER INSERT OR DELETE OR UPDATE ON public.dong_former_name FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_bump_revision('dongs_revision');


--
-- Name: dong dong_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dong_notify AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.dong FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_notify();


--
-- Name: dong dong_revision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dong_revision AFTER INSERT OR DELETE OR UPDATE ON public.dong FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_bump_revision('dongs_revision');


--
-- Name: escort_request escort_request_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER escort_request_notify AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.escort_request FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_notify();


--
-- Name: household household_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER household_notify AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.household FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_notify();


--
-- Name: users users_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER users_notify AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.users FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_notify();


--
-- Name: volunteer volunteer_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER volunteer_notify AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.volunteer FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_notify();


--
-- Name: volunteer volunteer_revision; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER volunteer_revision AFTER INSERT OR DELETE OR UPDATE ON public.volunteer FOR EACH STATEMENT EXECUTE FUNCTION public.honsim_bump_revision('volunteers_revision');


--
-- Name: assignment assignment_household_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment
    ADD CONSTRAINT assignment_household_id_fkey FOREIGN KEY (household_id) REFERENCES public.household(id);


--
-- Name: assignment assignment_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment
    ADD CONSTRAINT assignment_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.escort_request(id) ON DELETE CASCADE;


--
-- Name: assignment assignment_volunteer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assignment
    ADD CONSTRAINT assignment_volunteer_id_fkey FOREIGN KEY (volunteer_id) REFERENCES public.volunteer(id);


--
-- Name: availability_window availability_window_volunteer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.availability_window
    ADD CONSTRAINT availability_window_volunteer_id_fkey FOREIGN KEY (volunteer_id) REFERENCES public.volunteer(id) ON DELETE CASCADE;


--
-- Name: day_off day_off_volunteer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.day_off
    ADD CONSTRAINT day_off_volunteer_id_fkey FOREIGN KEY (volunteer_id) REFERENCES public.volunteer(id) ON DELETE CASCADE;


--
-- Name: dong_former_name dong_former_name_dong_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dong_former_name
    ADD CONSTRAINT dong_former_name_dong_code_fkey FOREIGN KEY (dong_code) REFERENCES public.dong(code);


--
-- Name: escort_request escort_request_dong_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.escort_request
    ADD CONSTRAINT escort_request_dong_code_fkey FOREIGN KEY (dong_code) REFERENCES public.dong(code);


--
-- Name: escort_request escort_request_household_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.escort_request
    ADD CONSTRAINT escort_request_household_id_fkey FOREIGN KEY (household_id) REFERENCES public.household(id);


--
-- Name: escort_request escort_request_volunteer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.escort_request
    ADD CONSTRAINT escort_request_volunteer_id_fkey FOREIGN KEY (volunteer_id) REFERENCES public.volunteer(id);


--
-- Name: household household_dong_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.household
    ADD CONSTRAINT household_dong_code_fkey FOREIGN KEY (dong_code) REFERENCES public.dong(code);


--
-- Name: volunteer volunteer_dong_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volunteer
    ADD CONSTRAINT volunteer_dong_code_fkey FOREIGN KEY (dong_code) REFERENCES public.dong(code);


--
-- Name: assignment; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.assignment ENABLE ROW LEVEL SECURITY;

--
-- Name: assignment assignment_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY assignment_read ON public.assignment FOR SELECT USING (true);


--
-- Name: assignment assignment_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY assignment_write ON public.assignment USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_request_dong(request_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_request_dong(request_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: audit; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit ENABLE ROW LEVEL SECURITY;

--
-- Name: audit audit_append; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_append ON public.audit FOR INSERT WITH CHECK (("user" = CURRENT_USER));


--
-- Name: audit audit_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_read ON public.audit FOR SELECT USING (true);


--
-- Name: availability_window availability_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY availability_read ON public.availability_window FOR SELECT USING (true);


--
-- Name: availability_window; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.availability_window ENABLE ROW LEVEL SECURITY;

--
-- Name: availability_window availability_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY availability_write ON public.availability_window USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_volunteer_dong(volunteer_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_volunteer_dong(volunteer_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: day_off; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.day_off ENABLE ROW LEVEL SECURITY;

--
-- Name: day_off day_off_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY day_off_read ON public.day_off FOR SELECT USING (true);


--
-- Name: day_off day_off_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY day_off_write ON public.day_off USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_volunteer_dong(volunteer_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (public.honsim_volunteer_dong(volunteer_id) = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: dong; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.dong ENABLE ROW LEVEL SECURITY;

--
-- Name: dong_former_name; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.dong_former_name ENABLE ROW LEVEL SECURITY;

--
-- Name: dong_former_name dong_former_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY dong_former_read ON public.dong_former_name FOR SELECT USING (true);


--
-- Name: dong_former_name dong_former_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY dong_former_write ON public.dong_former_name USING (( SELECT public.honsim_is_admin() AS honsim_is_admin)) WITH CHECK (( SELECT public.honsim_is_admin() AS honsim_is_admin));


--
-- Name: dong dong_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY dong_read ON public.dong FOR SELECT USING (true);


--
-- Name: dong dong_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY dong_write ON public.dong USING (( SELECT public.honsim_is_admin() AS honsim_is_admin)) WITH CHECK (( SELECT public.honsim_is_admin() AS honsim_is_admin));


--
-- Name: escort_request; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.escort_request ENABLE ROW LEVEL SECURITY;

--
-- Name: household; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.household ENABLE ROW LEVEL SECURITY;

--
-- Name: household household_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY household_read ON public.household FOR SELECT USING (true);


--
-- Name: household household_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY household_write ON public.household USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: escort_request request_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY request_read ON public.escort_request FOR SELECT USING (true);


--
-- Name: escort_request request_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY request_write ON public.escort_request USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: users; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: users users_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY users_read ON public.users FOR SELECT USING (true);


--
-- Name: users users_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY users_write ON public.users USING (( SELECT public.honsim_is_admin() AS honsim_is_admin)) WITH CHECK (( SELECT public.honsim_is_admin() AS honsim_is_admin));


--
-- Name: volunteer; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.volunteer ENABLE ROW LEVEL SECURITY;

--
-- Name: volunteer volunteer_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY volunteer_read ON public.volunteer FOR SELECT USING (true);


--
-- Name: volunteer volunteer_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY volunteer_write ON public.volunteer USING ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[])))) WITH CHECK ((( SELECT public.honsim_is_admin() AS honsim_is_admin) OR (dong_code = ANY (( SELECT public.honsim_coordinator_dongs() AS honsim_coordinator_dongs)::text[]))));


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO honsim_user;


--
-- Name: TABLE assignment; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.assignment TO honsim_user;


--
-- Name: SEQUENCE assignment_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.assignment_id_seq TO honsim_user;


--
-- Name: TABLE audit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit TO honsim_user;


--
-- Name: SEQUENCE audit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.audit_id_seq TO honsim_user;


--
-- Name: TABLE availability_window; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.availability_window TO honsim_user;


--
-- Name: TABLE day_off; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.day_off TO honsim_user;


--
-- Name: SEQUENCE day_off_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.day_off_id_seq TO honsim_user;


--
-- Name: TABLE dong; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.dong TO honsim_user;


--
-- Name: TABLE dong_former_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.dong_former_name TO honsim_user;


--
-- Name: TABLE escort_request; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.escort_request TO honsim_user;


--
-- Name: SEQUENCE escort_request_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.escort_request_id_seq TO honsim_user;


--
-- Name: TABLE household; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.household TO honsim_user;


--
-- Name: SEQUENCE household_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.household_id_seq TO honsim_user;


--
-- Name: TABLE meta; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,UPDATE ON TABLE public.meta TO honsim_user;


--
-- Name: TABLE schema_migrations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.schema_migrations TO honsim_user;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.users TO honsim_user;


--
-- Name: TABLE volunteer; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.volunteer TO honsim_user;


--
-- Name: SEQUENCE volunteer_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE,UPDATE ON SEQUENCE public.volunteer_id_seq TO honsim_user;


--
-- Name: TABLE volunteer_load; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.volunteer_load TO honsim_user;


--
-- PostgreSQL database dump complete
--


