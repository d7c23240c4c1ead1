/// The validated editable fields of an entry, shared by create (all required) and update (all optional).
struct EntryFields {
  var category: EntryCategory?
  var activity: String?
  var quantity: Double?
  var unit: String?
  var kgCO2e: Double?
  var notes: String?

  init(
    validator: inout FieldValidator, category: String?, activity: String?, quantity: Double?, unit: String?,
    kgCO2e: Double?, notes: String?, required: Bool
  ) {
    self.category = validator.oneOf(category, "category", as: EntryCategory.self, required: required)
    self.activity = validator.text(activity, "activity", maxLength: 200, required: required)
    self.quantity = validator.amount(quantity, "quantity", in: 0...Kilograms.maximum, required: required)
    self.unit = validator.text(unit, "unit", maxLength: 32, required: required)
    self.kgCO2e = validator.amount(kgCO2e, "kgCO2e", in: 0...Kilograms.maximum, required: required)
    self.notes = validator.text(notes, "notes", maxLength: 1000, required: false)
  }
}
