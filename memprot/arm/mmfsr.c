/* memprot/arm/mmfsr.c: see mmfsr.h. */
#include "memprot/arm/mmfsr.h"

#include "memprot/arm/fmt.h"

static const char *const bit_names[8] = {
	"IACCVIOL", "DACCVIOL", NULL, "MUNSTKERR", "MSTKERR", "MLSPERR", NULL, "MMARVALID",
};

size_t mmfsr_names(uint32_t mmfsr, char *buf, size_t size)
{
	size_t len = 0;

	if (!(mmfsr & 0xff))
		return fmt(buf, size, "none");
	if (size)
		buf[0] = '\0';
	for (unsigned bit = 0; bit < 8; bit++) {
		if (!(mmfsr & (1u << bit)))
			continue;
		/* fmt writes at the end of what is there; past the end it only counts. */
		size_t at = len < size ? len : size;
		if (bit_names[bit])
			len += fmt(buf + at, size - at, "%s%s", len ? " " : "", bit_names[bit]);
		else
			len += fmt(buf + at, size - at, "%sbit%u", len ? " " : "", bit);
	}
	return len;
}
