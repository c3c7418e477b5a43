package cli

import (
	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/rules"
	"github.com/privacyscan/privacyscan/scanner/kb"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// kbVendors answers the rules' vendor questions from a knowledge base
// (kb.Default() or one loaded with extra sources): the wiring between the
// scanner's knowledge and the rules, which know no knowledge base.
func kbVendors(db *kb.DB) rules.VendorInfo {
	return rules.VendorFunc(func(id string) (rules.Vendor, bool) {
		if db == nil {
			return rules.Vendor{}, false
		}
		v, ok := db.Vendor(id)
		if !ok {
			return rules.Vendor{}, false
		}
		return rules.Vendor{ID: v.ID, Name: v.Name, Company: v.Company, Country: v.Country,
			EEA: v.EEA, Adequate: v.Adequate, Category: v.Category, Aliases: v.Aliases, SelfHosted: v.SelfHosted}, true
	})
}

// loadConfig reads a configuration file and checks it against the rule
// catalogue. Errors are *model.ConfigError values naming file and line; they
// exit 2.
func loadConfig(path string) (*model.Config, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckConfig(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}
