/* tests/unit/test_decode_net.c: socket decoders (tracer/decode/net.c). */
#include <check.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "tests/unit/test_decode_util.h"

static void setup(void)
{
	fake_reset();
}

START_TEST(test_socket)
{
	ck_assert_str_eq(decode_call(X64, "socket", A(1, 1 | 02000000 | 04000, 0), 3, 0, 32),
			 "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
	ck_assert_str_eq(decode_call(X64, "socket", A(2, 2, 0), 9, 0, 32),
			 "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 9");
	ck_assert_str_eq(decode_call(X64, "socket", A(16, 3, 0), 4, 0, 32),
			 "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 4");
}
END_TEST

START_TEST(test_connect_unix)
{
	struct sockaddr_un un;
	uint64_t a;

	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/var/run/nscd/socket");
	a = fake_put(&un, sizeof un);
	ck_assert_str_eq(decode_call(X64, "connect", A(3, a, 110), -2, 1, 32),
			 "connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file or directory)");
}
END_TEST

START_TEST(test_inet_addresses)
{
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
	uint32_t len = 16;
	uint64_t a, l, a6;

	memset(&in, 0, sizeof in);
	in.sin_family = AF_INET;
	in.sin_port = htons(53);
	in.sin_addr.s_addr = htonl(0x7f000035);
	a = fake_put(&in, sizeof in);
	l = fake_put(&len, sizeof len);
	ck_assert_str_eq(decode_call(X64, "bind", A(9, a, 16), 0, 0, 32),
			 "bind(9, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0");
	ck_assert_str_eq(decode_call(X64, "getsockname", A(9, a, l), 0, 0, 32),
			 "getsockname(9, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, [16]) = 0");
	ck_assert_str_eq(decode_call(X64, "getpeername", A(0, a, l), -88, 1, 32),
			 "getpeername(0, 0x10000, [16]) = -1 ENOTSOCK (Socket operation on non-socket)");
	memset(&in6, 0, sizeof in6);
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(443);
	in6.sin6_addr.s6_addr[15] = 1;
	a6 = fake_put(&in6, sizeof in6);
	ck_assert_str_eq(decode_call(X64, "connect", A(3, a6, sizeof in6), 0, 0, 32),
			 "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
			 "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
}
END_TEST

START_TEST(test_send_recv)
{
	struct sockaddr_in in;
	uint32_t len = 16;
	uint64_t a, l, b = fake_put("hi", 2);

	memset(&in, 0, sizeof in);
	in.sin_family = AF_INET;
	in.sin_port = htons(56528);
	in.sin_addr.s_addr = htonl(0x7f000001);
	a = fake_put(&in, sizeof in);
	l = fake_put(&len, sizeof len);
	ck_assert_str_eq(decode_call(X64, "sendto", A(9, b, 2, 0, a, 16), 2, 0, 32),
			 "sendto(9, \"hi\", 2, 0, {sa_family=AF_INET, sin_port=htons(56528), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 2");
	ck_assert_str_eq(decode_call(X64, "recvfrom", A(9, b, 10, 0, a, l), 2, 0, 32),
			 "recvfrom(9, \"hi\", 10, 0, {sa_family=AF_INET, sin_port=htons(56528), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 2");
}
END_TEST

START_TEST(test_socketpair_and_opts)
{
	int fds[2] = { 7, 8 }, one = 1;
	uint64_t f = fake_put(fds, sizeof fds), v = fake_put(&one, sizeof one);

	ck_assert_str_eq(decode_call(X64, "socketpair", A(1, 1, 0, f), 0, 0, 32),
			 "socketpair(AF_UNIX, SOCK_STREAM, 0, [7, 8]) = 0");
	ck_assert_str_eq(decode_call(X64, "setsockopt", A(3, 1, 2, v, 4), 0, 0, 32),
			 "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	ck_assert_str_eq(decode_call(X64, "shutdown", A(3, 2), 0, 0, 32),
			 "shutdown(3, SHUT_RDWR) = 0");
}
END_TEST

START_TEST(test_msghdr)
{
	uint64_t data = fake_put("hello", 5);
	uint64_t iov[2] = { data, 5 };
	uint64_t v = fake_put(iov, sizeof iov);
	unsigned char cmsg[24];
	uint64_t clen = 20;
	int32_t level = 1, type = 1, fd = 3;
	uint64_t c, m, mh[7];

	memset(cmsg, 0, sizeof cmsg);
	memcpy(cmsg, &clen, 8);
	memcpy(cmsg + 8, &level, 4);
	memcpy(cmsg + 12, &type, 4);
	memcpy(cmsg + 16, &fd, 4);
	c = fake_put(cmsg, sizeof cmsg);
	memset(mh, 0, sizeof mh);
	mh[2] = v;
	mh[3] = 1;
	m = fake_put(mh, sizeof mh);
	/* strace 6.1's lines for the same calls */
	ck_assert_str_eq(decode_call(X64, "sendmsg", A(3, m, 0x4000), 5, 0, 32),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
			 "iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = 5");
	mh[4] = c;
	mh[5] = 24;
	m = fake_put(mh, sizeof mh);
	ck_assert_str_eq(decode_call(X64, "sendmsg", A(3, m, 0), 5, 0, 32),
			 "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
			 "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
			 "cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0}, 0) = 5");
	ck_assert_str_eq(decode_call(X64, "recvmsg", A(99, m, 0), -9, 1, 32),
			 "recvmsg(99, {msg_namelen=0}, 0) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(decode_call(X64, "recvmsg", A(4, m, 0), 2, 0, 32),
			 "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"he\", "
			 "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
			 "cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0}, 0) = 2");
}
END_TEST

Suite *make_decode_net_suite(void)
{
	Suite *s = suite_create("decode_net");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_socket);
	tcase_add_test(tc, test_connect_unix);
	tcase_add_test(tc, test_inet_addresses);
	tcase_add_test(tc, test_send_recv);
	tcase_add_test(tc, test_socketpair_and_opts);
	tcase_add_test(tc, test_msghdr);
	suite_add_tcase(s, tc);
	return s;
}
