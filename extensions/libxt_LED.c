/*
 * LED target: blinks an LED through the LED trigger
 * "netfilter-<id>" for each packet.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_LED.h>

#define TRIGGER_PREFIX "netfilter-"

enum { O_TRIGGER_ID, O_DELAY, O_ALWAYS_BLINK };

static const struct xtables_option LED_opts[] = {
	{ .name = "led-trigger-id", .type = XTTYPE_STRING,
	  .id = O_TRIGGER_ID, .flags = XTOPT_MAND,
	  .max = sizeof(((struct xt_led_info *)NULL)->id) -
		 sizeof(TRIGGER_PREFIX) },
	{ .name = "led-delay", .type = XTTYPE_STRING, .id = O_DELAY },
	{ .name = "led-always-blink", .type = XTTYPE_NONE,
	  .id = O_ALWAYS_BLINK },
	XTABLES_OPT_END,
};

static void LED_help(FILE *out)
{
	fputs("LED target options:\n"
	      "--led-trigger-id name           suffix for led trigger name\n"
	      "--led-delay ms                  leave the LED on for this number of\n"
	      "                                milliseconds after triggering.\n"
	      "--led-always-blink              blink on arriving packets, even if\n"
	      "                                the LED is already on.\n", out);
}

static int LED_parse(struct xtables_optcall *cb)
{
	struct xt_led_info *led = cb->data;
	uint64_t v;

	switch (cb->opt->id) {
	case O_TRIGGER_ID:
		snprintf(led->id, sizeof(led->id), TRIGGER_PREFIX "%s",
			 cb->arg);
		break;
	case O_DELAY:
		if (strncasecmp(cb->arg, "inf", 3) == 0) {
			led->delay = UINT32_MAX;
			break;
		}
		if (xtables_strtoul(cb->arg, NULL, &v, 0, UINT32_MAX) != 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Delay value must be within range 0..%u",
				UINT32_MAX);
		led->delay = v;
		break;
	case O_ALWAYS_BLINK:
		led->always_blink = 1;
		break;
	}
	return 0;
}

/* The trigger id without its prefix, quoted, '"' and '\' escaped. */
static void put_id(FILE *out, const struct xt_led_info *led)
{
	const char *id = led->id;

	if (strncmp(id, TRIGGER_PREFIX, strlen(TRIGGER_PREFIX)) == 0)
		id += strlen(TRIGGER_PREFIX);
	fputc('"', out);
	for (; *id != '\0' && id < led->id + sizeof(led->id); id++) {
		if (*id == '"' || *id == '\\')
			fputc('\\', out);
		fputc(*id, out);
	}
	fputc('"', out);
}

static void LED_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_led_info *led = data;

	fputs(" led-trigger-id:", out);
	put_id(out, led);
	if (led->delay == UINT32_MAX)
		fputs(" led-delay:inf", out);
	else
		fprintf(out, " led-delay:%dms", (int)led->delay);
	if (led->always_blink)
		fputs(" led-always-blink", out);
}

static void LED_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_led_info *led = data;

	fputs(" --led-trigger-id ", out);
	put_id(out, led);
	if (led->delay != 0)
		fprintf(out, " --led-delay %d", (int)led->delay);
	if (led->always_blink)
		fputs(" --led-always-blink", out);
}

static const struct xtables_ext LED_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "LED",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_led_info),
		.userspacesize = offsetof(struct xt_led_info, internal_data),
		.help = LED_help,
		.options = LED_opts,
		.parse = LED_parse,
		.print = LED_print,
		.save = LED_save,
	},
};

XTABLES_EXTENSIONS(LED_exts)
