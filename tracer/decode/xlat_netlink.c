/*
 * tracer/decode/xlat_netlink.c: name tables of netlink messages (<linux/netlink.h>): the
 * control message types and the header's flags. Values from the headers by name
 * (tracer/xlat.h's XLAT); table order is printing order.
 */
#include <linux/netlink.h>
#include "tracer/xlat.h"

const struct xlat xlat_nlmsg_types[] = {
	XLAT(NLMSG_NOOP), XLAT(NLMSG_ERROR), XLAT(NLMSG_DONE), XLAT(NLMSG_OVERRUN), XLAT_END
};

/* Every message's flags, then the flags of an NLMSG_ERROR (an acknowledgement). */
const struct xlat xlat_nlmsg_flags[] = {
	XLAT(NLM_F_REQUEST), XLAT(NLM_F_MULTI), XLAT(NLM_F_ACK), XLAT(NLM_F_ECHO),
	XLAT(NLM_F_DUMP_INTR), XLAT(NLM_F_DUMP_FILTERED), XLAT_END
};

const struct xlat xlat_nlmsg_ack_flags[] = {
	XLAT(NLM_F_CAPPED), XLAT(NLM_F_ACK_TLVS), XLAT_END
};
